import HTTPTypes
/// Pages that say one thing: an error (with its status), or the login form.
enum MessagePage {
    static func error(_ error: WebError) -> HTML {
        let login: HTML = error.status == .unauthorized ? loginForm : .empty
        return Layout.page(title: "\(error.status.code) \(error.status.reasonPhrase)", """
            <h1>\(error.status.code) \(error.status.reasonPhrase)</h1>
            <p class="error" id="error">\(error.message)</p>
            \(login)
            """)
    }

    static var login: HTML {
        Layout.page(title: "Log in", "<h1>Log in</h1>\(loginForm)")
    }

    private static var loginForm: HTML {
        """
        <form method="post" action="/login">
        <label>Token <input type="password" name="token" autocomplete="current-password"></label>
        <button type="submit">Log in</button>
        </form>
        """
    }
}
