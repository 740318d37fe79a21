/**
 * The route to open after login, from `?next=`: only a path of this site (no `//host`, no
 * scheme), never the login page itself. Anything else → null (the role's home page).
 */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return null;
  }
  if (next === '/login' || next.startsWith('/login?')) {
    return null;
  }
  return next;
}

/** `/login?next=…` for the current location. */
export function loginPathFor(pathname: string, search: string): string {
  const here = `${pathname}${search}`;
  return here === '/' || pathname === '/login'
    ? '/login'
    : `/login?next=${encodeURIComponent(here)}`;
}
