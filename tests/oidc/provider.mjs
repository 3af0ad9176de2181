// A real OpenID Connect provider (the OpenID-certified npm package oidc-provider) on loopback, for the
// sign-in tests. Usage: node provider.mjs PORT REDIRECT_URI. Prints "ready" when listening.
// Test people (log in with the name, any password):
//   anna  — group isrp-jugendamt     (maps to Bearbeiten for the Jugendamt)
//   paula — group isrp-sozialplanung (maps to Prüfen)
//   otto  — group kantine            (maps to no role: read-only)
import Provider from "oidc-provider";

const [port, redirectUri] = [Number(process.argv[2]), process.argv[3]];
const people = {
  anna: { name: "Anna Jugendamt", email: "anna@example.invalid", groups: ["isrp-jugendamt"] },
  paula: { name: "Paula Sozialplanung", email: "paula@example.invalid", groups: ["isrp-sozialplanung"] },
  otto: { name: "Otto Kantine", email: "otto@example.invalid", groups: ["kantine"] },
};

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: "isrp",
      client_secret: "isrp-test-secret",
      redirect_uris: [redirectUri],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  pkce: { required: () => true },
  scopes: ["openid", "profile", "email", "groups"],
  claims: { openid: ["sub"], profile: ["name"], email: ["email"], groups: ["groups"] },
  conformIdTokenClaims: false,
  cookies: { keys: ["isrp-test-cookie-key"] },
  findAccount: async (ctx, id) =>
    people[id] ? { accountId: id, claims: async () => ({ sub: id, ...people[id] }) } : undefined,
  features: { devInteractions: { enabled: true } },
});
provider.proxy = false;
provider.listen(port, "127.0.0.1", () => console.log("ready"));
