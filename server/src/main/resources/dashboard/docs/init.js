// Swagger UI over the server's own OpenAPI document. A token pasted under "Authorize" is sent as
// "Authorization: Bearer TOKEN" by "Try it out"; it stays in this tab's memory only.
window.addEventListener('load', () => {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: false,
  });
});
