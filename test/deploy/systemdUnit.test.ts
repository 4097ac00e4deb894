import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir, REPO_ROOT, removeDir } from "../support/server.js";

const SAMPLE = join(REPO_ROOT, "deploy/concord.service");

/** systemd's own checker; absent where systemd is not installed (a container, macOS). */
const available = spawnSync("systemd-analyze", ["--version"]).status === 0;
if (!available) console.warn("deploy/concord.service not verified: systemd-analyze is not installed");

describe.skipIf(!available)("deploy/concord.service", () => {
  const dir = makeTempDir();
  afterAll(() => removeDir(dir));

  it("passes systemd-analyze verify without a warning", () => {
    // The one change: this machine's node, where the sample says /usr/bin/node (Debian's), since
    // verify checks that the command exists.
    const unit = join(dir, "concord.service");
    writeFileSync(unit, readFileSync(SAMPLE, "utf8").replace("/usr/bin/node ", `${process.execPath} `));
    const verify = spawnSync("systemd-analyze", ["verify", unit], { encoding: "utf8" });
    // verify exits 0 on an unknown key or a value it cannot parse, and only says so.
    expect(`${verify.stdout}${verify.stderr}`).toBe("");
    expect(verify.status).toBe(0);
  });
});
