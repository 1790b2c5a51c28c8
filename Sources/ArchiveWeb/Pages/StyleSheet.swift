/// The one stylesheet, served as `/style.css`.
enum StyleSheet {
    static let css = """
        body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1d232a; background: #fbfbfa; }
        header { background: #24323f; padding: .6em 1.2em; }
        header a { color: #e8eef3; text-decoration: none; margin-right: 1em; }
        header a.home { font-weight: 700; }
        header a[aria-current] { border-bottom: 2px solid #9cc3e6; }
        main { max-width: 70em; margin: 0 auto; padding: 1em 1.2em 3em; }
        a { color: #1f5f99; }
        form.search { display: flex; flex-wrap: wrap; gap: .5em; align-items: center; margin-bottom: 1em; }
        form.search input[type=search] { flex: 1 1 20em; font-size: 1.1em; padding: .3em .5em; }
        input, button, textarea { font: inherit; }
        .layout { display: flex; gap: 2em; align-items: flex-start; }
        .results { flex: 1 1 auto; min-width: 0; }
        aside.facets { flex: 0 0 14em; font-size: .9em; }
        aside.facets ul { list-style: none; padding: 0; margin: 0 0 1em; }
        .hit { margin: 0 0 1.2em; }
        .hit h2 { font-size: 1.1em; margin: 0; }
        .meta { color: #5b6670; font-size: .9em; }
        .tag { background: #e6eef5; border-radius: 3px; padding: 0 .35em; margin-right: .25em; font-size: .85em; text-decoration: none; }
        mark { background: #fde68a; }
        .pager a, .exports a { margin-right: 1em; }
        .body p { max-width: 45em; }
        table { border-collapse: collapse; font-size: .9em; }
        td, th { border: 1px solid #d5dbe0; padding: .2em .5em; text-align: left; vertical-align: top; }
        del { background: #fbd5d5; text-decoration: line-through; }
        ins { background: #d3f2d7; text-decoration: none; }
        .diff { max-width: 50em; }
        textarea { width: 100%; max-width: 50em; }
        .error { color: #9b1c1c; }
        svg text { font-size: 11px; fill: #3a4650; }
        """
}
