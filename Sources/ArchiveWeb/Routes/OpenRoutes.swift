import HTTPTypes
import Hummingbird

/// The routes open without a token: `/healthz`, `/login`, `/style.css`.
extension Site {
    func addOpenRoutes(to router: Router<Context>) {
        router.get("/healthz") { _, _ -> Response in Reply.text("ok") }
        router.get("/style.css") { _, _ -> Response in
            Reply.body(StyleSheet.css, contentType: "text/css; charset=utf-8", status: .ok)
        }
        router.get("/login") { _, _ -> Response in Reply.html(MessagePage.login) }
        router.post("/login") { request, _ -> Response in
            let form = QueryString(try await RequestLimits<Context>.body(of: request))
            guard let token, TokenGate<Context>.same(form["token"] ?? "", token) else {
                throw token == nil ? WebError.notFound("no token is needed here") : WebError(status: .unauthorized, message: "wrong token")
            }
            var response = Response(status: .seeOther, headers: [.location: "/"])
            response.setCookie(Cookie(name: TokenGate<Context>.cookieName, value: token, path: "/",
                                      httpOnly: true, sameSite: .strict))
            return response
        }
    }
}
