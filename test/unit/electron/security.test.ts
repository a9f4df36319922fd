import { describe, expect, it, vi } from 'vitest';
import {
  hardenSession,
  hardenWebContents,
  isAllowedRequest,
  secureWebPreferences,
  type HardenableSession,
  type HardenableWebContents,
  type PreventableEvent,
} from '../../../electron/security';
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  WORKER_CONTENT_SECURITY_POLICY,
} from '../../../shared/csp';
import { isSafeExternalUrl } from '../../../shared/bridge';

type Listener = (event: PreventableEvent, url?: string) => void;

function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' | 'allow' }) | null = null;
  const contents = {
    on: (event: string, listener: Listener) => listeners.set(event, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  } as unknown as HardenableWebContents;
  const fire = (event: string, url?: string) => {
    const preventDefault = vi.fn();
    listeners.get(event)!({ preventDefault }, url);
    return preventDefault;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }) };
}

function fakeSession() {
  let permissionRequest: Parameters<HardenableSession['setPermissionRequestHandler']>[0] = null;
  let permissionCheck: Parameters<HardenableSession['setPermissionCheckHandler']>[0] = null;
  let beforeRequest: Parameters<HardenableSession['webRequest']['onBeforeRequest']>[0] | null = null;
  const session: HardenableSession = {
    setPermissionRequestHandler: (h) => (permissionRequest = h),
    setPermissionCheckHandler: (h) => (permissionCheck = h),
    webRequest: { onBeforeRequest: (l) => (beforeRequest = l) },
  };
  return {
    session,
    request(url: string) {
      let cancelled: boolean | undefined;
      beforeRequest!({ url }, (response) => (cancelled = response.cancel));
      return cancelled;
    },
    askPermission(permission: string) {
      let granted: boolean | undefined;
      permissionRequest!({}, permission, (g) => (granted = g));
      return granted;
    },
    checkPermission: () => permissionCheck!(),
  };
}

describe('window hardening', () => {
  it('prevents navigation to an outside URL and hands http(s) links to the system browser', async () => {
    const openExternal = vi.fn();
    const { contents, fire } = fakeWebContents();
    hardenWebContents(contents, openExternal);
    expect(fire('will-navigate', 'https://evil.example/phish')).toHaveBeenCalled();
    await Promise.resolve();
    expect(openExternal).toHaveBeenCalledWith('https://evil.example/phish');
    expect(fire('will-navigate', 'file:///etc/passwd')).toHaveBeenCalled();
    expect(fire('will-redirect', 'http://10.0.0.1/')).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledTimes(2);
  });

  it('lets the app navigate within itself', () => {
    const { contents, fire } = fakeWebContents();
    hardenWebContents(contents, vi.fn());
    expect(fire('will-navigate', 'app://conduit/index.html#/a/1/diagram')).not.toHaveBeenCalled();
  });

  it('denies every new window; only a safe link goes to the system browser', async () => {
    const openExternal = vi.fn();
    const { contents, open } = fakeWebContents();
    hardenWebContents(contents, openExternal);
    expect(open('https://iec.ch/')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(open('file:///C:/Windows/system32/calc.exe')).toEqual({ action: 'deny' });
    expect(open('https://user:pw@example.com/')).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(openExternal.mock.calls).toEqual([['https://iec.ch/']]);
  });

  it('refuses webviews', () => {
    const { contents, fire } = fakeWebContents();
    hardenWebContents(contents, vi.fn());
    expect(fire('will-attach-webview')).toHaveBeenCalled();
  });

  it('creates windows with isolation, sandbox and web security on, and no Node', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });
});

describe('session hardening', () => {
  it('cancels a request to an outside host and lets app:// through', () => {
    const fake = fakeSession();
    hardenSession(fake.session);
    expect(fake.request('https://fonts.googleapis.com/css')).toBe(true);
    expect(fake.request('http://127.0.0.1:8080/')).toBe(true);
    expect(fake.request('ws://10.0.0.5/')).toBe(true);
    expect(fake.request('file:///etc/hosts')).toBe(true);
    expect(fake.request('app://conduit/assets/index.js')).toBe(false);
    expect(fake.request('blob:app://conduit/5e1c')).toBe(false);
  });

  it('denies every permission request and check', () => {
    const fake = fakeSession();
    hardenSession(fake.session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'serial']) {
      expect(fake.askPermission(permission)).toBe(false);
    }
    expect(fake.checkPermission()).toBe(false);
  });

  it('allows only the app origin, blobs it made and data URLs', () => {
    expect(isAllowedRequest('app://conduit')).toBe(true);
    expect(isAllowedRequest('app://conduitx/')).toBe(false);
    expect(isAllowedRequest('app://other/index.html')).toBe(false);
    expect(isAllowedRequest('blob:https://evil.example/1')).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows no eval, no inline script and no remote origin', () => {
    for (const policy of [CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY]) {
      expect(policy).not.toMatch(/unsafe-eval/);
      expect(policy).not.toMatch(/https?:|wss?:|\*/);
      expect(policy).toMatch(/script-src 'self'(;|$)/);
      expect(policy).toMatch(/object-src 'none'/);
    }
    expect(CONTENT_SECURITY_POLICY).toMatch(/frame-ancestors 'none'/);
  });

  it("gives workers the page's policy plus WebAssembly compilation, and never 'unsafe-eval'", () => {
    expect(WORKER_CONTENT_SECURITY_POLICY).toBe(
      CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"),
    );
    expect(WORKER_CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'/);
    for (const policy of [CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY])
      expect(policy).not.toMatch(/wasm-unsafe-eval/);
  });
});

describe('isSafeExternalUrl', () => {
  it('accepts plain http(s) links only', () => {
    expect(isSafeExternalUrl('https://www.cisa.gov/ics')).toBe(true);
    expect(isSafeExternalUrl('http://example.com')).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://host/share',
      'https://',
      'not a url',
      'https://a:b@c.d/',
    ]) {
      expect(isSafeExternalUrl(bad)).toBe(false);
    }
  });
});
