/* The API page: Swagger UI over this server's own OpenAPI document (no inline script, for the CSP). */
window.addEventListener("load", function () {
  "use strict";
  var root = document.getElementById("swagger-ui");

  // Swagger UI's markup, mended for assistive technology as it renders: the servers list gets a
  // name, and an operation's path is no longer a link nested inside the button that opens it.
  function mend() {
    root.querySelectorAll("select#servers:not([aria-label])").forEach(function (select) {
      select.setAttribute("aria-label", "Server");
    });
    root.querySelectorAll(".opblock-summary-control a[href]").forEach(function (link) {
      link.removeAttribute("href");
    });
  }
  new MutationObserver(mend).observe(root, { childList: true, subtree: true });

  window.ui = SwaggerUIBundle({
    url: "openapi",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    tryItOutEnabled: false,
    onComplete: function () {
      mend();
      root.setAttribute("data-rendered", "true");
    }
  });
});
