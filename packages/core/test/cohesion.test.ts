import { describe, expect, it } from "vitest";
import { Cohesion } from "../src/pipeline/cohesion.js";
import { unitsOf } from "./helpers.js";

describe("Cohesion", () => {
  const page = unitsOf(["民警在南环路找到走失老人刘某柱。", "", "核酸检测采样点延长服务时间。", "", "市民在社区采样点排队。", "", "刘某柱的家属向民警道谢。"].join("\n"));
  const [search, tests, queue, thanks] = [page[0]!, page[1]!, page[2]!, page[3]!];

  it("weighs the share of a unit's words that other text prints too", () => {
    const cohesion = new Cohesion(page);
    expect(cohesion.share(thanks, [search])).toBeGreaterThan(0.5);
    expect(cohesion.share(thanks, [tests])).toBe(0);
    expect(cohesion.share(queue, [tests])).toBeGreaterThan(0);
  });

  it("gives no weight to words printed in more than half of the page's units, nor to a unit without shared words", () => {
    const common = unitsOf(["民警出警。", "", "民警巡逻。", "", "民警值守。", "", "民警回访。"].join("\n"));
    const cohesion = new Cohesion(common);
    expect(cohesion.share(common[0]!, [common[1]!])).toBe(0);
  });
});
