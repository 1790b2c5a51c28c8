import Foundation

/// Where an article's URL may be a link: only `http` and `https`. Anything else
/// (`javascript:`, `data:`, a relative path) is shown as text and never followed.
enum SafeLink {
    static func isFollowable(_ url: String) -> Bool {
        guard let components = URLComponents(string: url.trimmingCharacters(in: .whitespaces)),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty
        else { return false }
        return true
    }

    /// A link when the URL is followable, else the URL as plain text.
    static func html(_ url: String, label: String? = nil) -> HTML {
        isFollowable(url) ? "<a href=\"\(url)\" rel=\"noopener noreferrer nofollow\">\(label ?? url)</a>" : "\(url)"
    }
}
