import Foundation
import Testing

/// An archive that holds Chinese, Japanese and Korean articles stays an ordinary SQLite
/// file: the stock `sqlite3` shell, with no extension of ours, still runs English
/// full-text queries on it, and CJK queries on the second index in the form the README
/// documents.
@Suite("CJK articles, end to end")
struct CJKEndToEndTests {
    static let dump = """
        北京举行国际人工智能大会。科技 | 人工智能
        北京举行国际人工智能大会。科技 | 人工智能
        发布时间：2024-04-14 07:30

        来自四十多个国家的专家在北京参加了为期三天的人工智能大会。

        東京駅の新しい改札が公開された。テクノロジー | 交通
        東京駅の新しい改札が公開された。テクノロジー | 交通
        发布时间：2024/4/15

        東京駅で新しい改札が公開された。

        Solar power grows in Europe. Energy | Europe
        Solar power grows in Europe. Energy | Europe
        Release time: 2024-04-16 10:00

        Solar panels were installed across Europe this year.

        """

    @Test("archive search finds CJK words; the stock sqlite3 shell queries both indexes")
    func stockSQLite() throws {
        try withSandbox { sandbox in
            let imported = try sandbox.archive("import", try sandbox.write("news.txt", Self.dump))
            #expect(imported.status == 0, "\(imported)")
            let search = try sandbox.archive("search", "人工智能", "--format", "csv")
            #expect(search.status == 0, "\(search)")
            #expect(search.stdout.contains("北京举行国际人工智能大会。") && search.stdout.contains("**人工智能**"), "\(search)")

            let sqlite3 = URL(fileURLWithPath: "/usr/bin/sqlite3")
            let english = try runProcess(sqlite3, [sandbox.db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'solar'"],
                                         environment: [:], directory: sandbox.directory)
            #expect(english.status == 0 && english.stdout == "1\n", "\(english)")
            // The README's plain-SQL form: a word as the phrase of its character pairs.
            let cjk = try runProcess(sqlite3, [sandbox.db, """
                SELECT a.title FROM articles_cjk JOIN articles a ON a.id = articles_cjk.rowid
                WHERE articles_cjk MATCH '"东京" OR "東京"' ORDER BY rank
                """], environment: [:], directory: sandbox.directory)
            #expect(cjk.status == 0 && cjk.stdout == "東京駅の新しい改札が公開された。\n", "\(cjk)")
            let phrase = try runProcess(sqlite3, [sandbox.db, """
                SELECT count(*) FROM articles_cjk WHERE articles_cjk MATCH '"人工 工智 智能"'
                """], environment: [:], directory: sandbox.directory)
            #expect(phrase.status == 0 && phrase.stdout == "1\n", "\(phrase)")
        }
    }
}
