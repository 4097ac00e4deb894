import { describe, expect, it } from "vitest";
import { LocalPresence, mergeRosters, RemoteRosters, sameRoster } from "./presenceExchange.js";

describe("mergeRosters", () => {
  it("is this process's participants when no other process has any", () => {
    expect(mergeRosters(new Set(["a", "b"]), [])).toEqual(["a", "b"]);
    expect(mergeRosters(new Set(["a"]), [[], []])).toEqual(["a"]);
    expect(mergeRosters(new Set(), [])).toEqual([]);
  });

  it("adds the other processes' participants, counting a person with tabs on several processes once", () => {
    const merged = mergeRosters(new Set(["a", "b"]), [
      ["b", "c"],
      ["c", "d", "a"],
    ]);
    expect(merged).toEqual(["a", "b", "c", "d"]);
    expect(mergeRosters(new Set(), [["x"], ["y", "x"]])).toEqual(["x", "y"]);
  });

  it("does not change this process's set", () => {
    const local = new Set(["a"]);
    mergeRosters(local, [["b"]]);
    expect([...local]).toEqual(["a"]);
  });
});

describe("sameRoster", () => {
  it("compares as sets", () => {
    expect(sameRoster(["a", "b"], new Set(["b", "a"]))).toBe(true);
    expect(sameRoster(["a", "b"], new Set(["a"]))).toBe(false);
    expect(sameRoster(["a"], new Set(["b"]))).toBe(false);
    expect(sameRoster([], new Set())).toBe(true);
  });
});

describe("RemoteRosters", () => {
  it("keeps one roster per process and workshop, and says when what the room shows changed", () => {
    const rosters = new RemoteRosters();
    expect(rosters.hear("w1", "p1", ["a", "b"], 0)).toBe(true);
    expect(rosters.hear("w1", "p2", ["c"], 0)).toBe(true);
    expect(rosters.hear("w2", "p1", ["z"], 0)).toBe(true);
    expect([...rosters.of("w1")]).toEqual([["a", "b"], ["c"]]);
    // A heartbeat repeating the same roster (in any order) changes nothing.
    expect(rosters.hear("w1", "p1", ["b", "a"], 5)).toBe(false);
    // A new roster replaces the process's last one.
    expect(rosters.hear("w1", "p1", ["a"], 6)).toBe(true);
    expect(mergeRosters(new Set(["c", "d"]), rosters.of("w1"))).toEqual(["c", "d", "a"]);
    // An empty roster: that process has nobody left.
    expect(rosters.hear("w1", "p2", [], 7)).toBe(true);
    expect(rosters.hear("w1", "p2", [], 8)).toBe(false);
    expect([...rosters.of("w1")]).toEqual([["a"]]);
    expect([...rosters.of("w3")]).toEqual([]);
  });

  it("forgets a process not heard from for longer than the expiry, and only that one", () => {
    const rosters = new RemoteRosters();
    rosters.hear("w1", "quiet", ["a"], 0);
    rosters.hear("w1", "alive", ["b"], 0);
    rosters.hear("w2", "quiet", ["c"], 0);
    expect(rosters.expire(30, 30)).toEqual([]);
    rosters.hear("w1", "alive", ["b"], 20);
    expect(rosters.expire(31, 30)).toEqual(["w1", "w2"]);
    expect([...rosters.of("w1")]).toEqual([["b"]]);
    expect([...rosters.of("w2")]).toEqual([]);
    expect(rosters.expire(45, 30)).toEqual([]);
    expect(rosters.expire(51, 30)).toEqual(["w1"]);
    expect([...rosters.of("w1")]).toEqual([]);
  });

  it("drops a workshop this process stopped listening to", () => {
    const rosters = new RemoteRosters();
    rosters.hear("w1", "p1", ["a"], 0);
    rosters.drop("w1");
    expect([...rosters.of("w1")]).toEqual([]);
    expect(rosters.expire(100, 1)).toEqual([]);
  });
});

describe("LocalPresence", () => {
  it("has no other process to hear from", () => {
    const local = new LocalPresence();
    local.watch();
    local.share();
    local.relay();
    expect([...local.remote()]).toEqual([]);
    local.listen()();
  });
});
