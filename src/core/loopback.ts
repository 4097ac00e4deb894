/**
 * True for a host only this computer can open: localhost, 127.0.0.0/8, ::1 (also IPv4-mapped), and
 * 0.0.0.0, which a browser opens as this computer too. The server asks it of the address a request
 * came from, the console of the address its join link would carry: a phone given such a link
 * reaches nothing.
 */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/^::ffff:/, "");
  return (
    name === "localhost" ||
    name.endsWith(".localhost") ||
    name === "::1" ||
    name === "0.0.0.0" ||
    /^127\.\d+\.\d+\.\d+$/.test(name)
  );
}
