// Sign-in for the keyer console: OpenID Connect authorization code with PKCE (RFC 7636) against
// the bank's Keycloak, as a public client. No library: keycloak-js is not served by this app.
'use strict';

const Oidc = (() => {
  const b64url = (bytes) =>
    btoa(String.fromCharCode(...new Uint8Array(bytes)))
      .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const random = (n) => b64url(crypto.getRandomValues(new Uint8Array(n)));
  const redirectUri = () => location.origin + location.pathname;
  let settings, tokens, refreshTimer;

  async function tokenRequest(form) {
    const res = await fetch(settings.authServerUrl + '/protocol/openid-connect/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: settings.clientId, ...form }),
    });
    if (!res.ok) throw new Error('token endpoint answered ' + res.status);
    tokens = await res.json();
    clearTimeout(refreshTimer);
    // Refresh a little before the access token runs out; the WebSocket only needs it at connect.
    refreshTimer = setTimeout(refresh, Math.max(5, tokens.expires_in - 30) * 1000);
    return tokens;
  }

  function refresh() {
    return tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })
      .catch(() => login());
  }

  async function login() {
    const verifier = random(48);
    const state = random(16);
    sessionStorage.setItem('vf.pkce', JSON.stringify({ verifier, state }));
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    const q = new URLSearchParams({
      client_id: settings.clientId,
      redirect_uri: redirectUri(),
      response_type: 'code',
      scope: 'openid',
      state,
      code_challenge: b64url(digest),
      code_challenge_method: 'S256',
    });
    location.assign(settings.authServerUrl + '/protocol/openid-connect/auth?' + q);
  }

  /** Signs in (redirecting to Keycloak when needed); resolves with the tokens. */
  async function init() {
    settings = await (await fetch('settings')).json();
    const params = new URLSearchParams(location.search);
    const saved = JSON.parse(sessionStorage.getItem('vf.pkce') || 'null');
    if (params.has('code') && saved && params.get('state') === saved.state) {
      sessionStorage.removeItem('vf.pkce');
      history.replaceState(null, '', redirectUri());
      return tokenRequest({
        grant_type: 'authorization_code',
        code: params.get('code'),
        redirect_uri: redirectUri(),
        code_verifier: saved.verifier,
      });
    }
    await login();
    return new Promise(() => {}); // leaving the page
  }

  function logout() {
    const q = new URLSearchParams({
      client_id: settings.clientId,
      post_logout_redirect_uri: redirectUri(),
      id_token_hint: tokens.id_token,
    });
    location.assign(settings.authServerUrl + '/protocol/openid-connect/logout?' + q);
  }

  const claims = () => JSON.parse(atob(tokens.access_token.split('.')[1]
    .replace(/-/g, '+').replace(/_/g, '/')));

  return {
    init, logout, claims,
    token: () => tokens.access_token,
    settings: () => settings,
  };
})();
