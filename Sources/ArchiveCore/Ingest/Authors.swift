/// The rules every list of author names follows, whatever the format it came from.
///
/// The rules of tags (`Tags.clean`): names trimmed, inner white space collapsed, split
/// at ` | ` and `｜`, empty ones and repeats dropped (the first kept). So the names a CSV
/// export joins with ` | ` split back into the same names. Commas are never split at:
/// `Smith, Jane` is one name, and a string naming two people with a comma cannot be told
/// from it.
public enum Authors {
    public static func clean(_ names: [String]) -> [String] {
        Tags.clean(names)
    }

    /// Reads authors written as one string.
    public static func split(_ joined: String) -> [String] {
        Tags.split(joined)
    }

    public static func join(_ names: [String]) -> String {
        Tags.join(names)
    }
}
