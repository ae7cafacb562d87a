// An OpenID Connect provider on the loopback address, standing in for Feide and ID-porten
// in the tests. It is panva's certified oidc-provider; only the sign-in page is ours: it
// asks for a login name from OIDC_ACCOUNTS and, like ID-porten, reports the level of
// assurance that was asked for (acr).
//
// Environment:
//   OIDC_CLIENTS   JSON list of {client_id, client_secret, redirect_uris}
//   OIDC_ACCOUNTS  JSON object: login name -> claims (email, email_verified, name, pid …);
//                  "_acr" makes that account sign in at a given level whatever was asked
// Prints one line, {"issuer": "http://127.0.0.1:PORT"}, once it listens.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

import Provider from 'oidc-provider';

const clients = JSON.parse(process.env.OIDC_CLIENTS || '[]');
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS || '{}');

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(uid, message = '') {
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Testinnlogging</title></head>
<body><main><h1>Testinnlogging</h1>${message ? `<p role="alert">${escape(message)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="login">Brukernavn</label> <input id="login" name="login" autocomplete="username">
<button type="submit">Logg inn</button></form>
<form method="post" action="/interaction/${escape(uid)}/abort"><button type="submit">Avbryt</button></form>
</main></body></html>`;
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

let provider;

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('interaction mismatch');
  if (req.method === 'GET' && !action) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(uid));
    return;
  }
  if (req.method === 'POST' && action === 'abort') {
    await provider.interactionFinished(req, res, { error: 'access_denied' });
    return;
  }
  if (req.method === 'POST' && action === 'login') {
    const login = (await readForm(req)).get('login') || '';
    if (!Object.hasOwn(accounts, login)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page(uid, 'Ukjent brukernavn'));
      return;
    }
    const acr = accounts[login]._acr || (details.params.acr_values || '').split(' ').filter(Boolean)[0];
    await provider.interactionFinished(req, res, { login: { accountId: login, ...(acr ? { acr } : {}) } });
    return;
  }
  res.writeHead(405);
  res.end();
}

const server = createServer(async (req, res) => {
  try {
    const match = /^\/interaction\/([^/]+)(?:\/(login|abort))?$/.exec(req.url.split('?')[0]);
    if (match) {
      await interaction(req, res, match[1], match[2]);
      return;
    }
    provider.callback()(req, res);
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(error));
  }
});

server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  provider = new Provider(issuer, {
    clients: clients.map((client) => ({
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      ...client,
    })),
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomUUID()] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'pid'],
    },
    acrValues: ['idporten-loa-substantial', 'idporten-loa-high'],
    features: { devInteractions: { enabled: false } },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    async findAccount(ctx, id) {
      if (!Object.hasOwn(accounts, id)) return undefined;
      const { _acr, ...claims } = accounts[id];
      return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
    },
    // The services Lokomp stands in for ask no consent of their own; grant what was asked.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope(ctx.oidc.params.scope);
      await grant.save();
      return grant;
    },
  });
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
});
