import type { BrowserContext, WebSocketRoute } from "playwright-core";

/** A frame of the live protocol as it crossed the test's switch. */
export interface Frame {
  type: string;
  id?: string;
  duplicate?: boolean;
  command?: { type: string; cardId?: string; text?: string };
}

/**
 * The network between one device (a browser context) and the server, which a test can cut.
 * Chromium's offline mode leaves open WebSockets alone (Playwright issue 4910), so every socket
 * to /ws goes through a route: cutting the network closes the open ones and refuses new ones, as
 * a dropped Wi-Fi does, and `setOffline` makes the browser say so. The route also keeps every
 * frame, so a test can see a command resent under its id and the server's answer.
 */
export class NetworkSwitch {
  /** Frames the page sent, in order. */
  readonly sent: Frame[] = [];
  /** Frames the server sent, in order (including any the switch then dropped). */
  readonly received: Frame[] = [];
  /** Connection attempts refused while the network was cut. */
  refused = 0;
  private offline = false;
  private dropNextAck = false;
  private readonly open = new Set<WebSocketRoute>();

  private constructor(private readonly context: BrowserContext) {}

  /** Routes the context's sockets through a new switch; call before the page connects. */
  static async install(context: BrowserContext): Promise<NetworkSwitch> {
    const network = new NetworkSwitch(context);
    await context.routeWebSocket(/\/ws(\?|$)/, (socket) => network.handle(socket));
    return network;
  }

  /** Cuts the network: open sockets close, new ones are refused, the browser goes offline. */
  async cut(): Promise<void> {
    this.offline = true;
    await this.context.setOffline(true);
    for (const socket of [...this.open]) await socket.close({ code: 4503, reason: "network cut (test)" });
  }

  async restore(): Promise<void> {
    this.offline = false;
    await this.context.setOffline(false);
  }

  /**
   * Loses the server's next `ack` on its way to the page and drops the connection with it: the
   * command is committed but the page does not know, so it must resend it after reconnecting.
   */
  loseNextAck(): void {
    this.dropNextAck = true;
  }

  private handle(page: WebSocketRoute): void {
    if (this.offline) {
      this.refused += 1;
      page.close({ code: 4503, reason: "network cut (test)" }).catch(ignore);
      return;
    }
    const server = page.connectToServer();
    this.open.add(page);
    page.onMessage((message) => {
      this.sent.push(parse(message));
      server.send(message);
    });
    server.onMessage((message) => {
      const frame = parse(message);
      this.received.push(frame);
      if (this.dropNextAck && frame.type === "ack") {
        this.dropNextAck = false;
        page.close({ code: 4503, reason: "ack lost (test)" }).catch(ignore);
        return;
      }
      page.send(message);
    });
    // Either end closing closes the other, as without the route.
    page.onClose((code, reason) => {
      this.open.delete(page);
      server.close({ code: clientCloseCode(code), reason: reason ?? "" }).catch(ignore);
    });
    server.onClose((code, reason) => {
      this.open.delete(page);
      page.close({ code: code ?? 1000, reason: reason ?? "" }).catch(ignore);
    });
  }
}

const ignore = () => {};

/** A code a client may close with (1000 or 3000–4999); 1001, 1005 and the like become 1000. */
const clientCloseCode = (code: number | undefined) =>
  code !== undefined && (code === 1000 || (code >= 3000 && code <= 4999)) ? code : 1000;

function parse(message: string | Buffer): Frame {
  try {
    return JSON.parse(String(message)) as Frame;
  } catch {
    return { type: "unparsed" };
  }
}
