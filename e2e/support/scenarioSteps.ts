import { expect, it } from "vitest";
import { describePages, pageErrors } from "./roles.js";
import type { Step } from "./roomEnd.js";

/**
 * The steps of one scenario share its room: after a failed step the scenario's later steps are
 * skipped rather than failed again. Each step also fails on any uncaught error in any page.
 */
export const scenarioSteps = (serverOutput: () => string | undefined): Step => {
  let failedStep: string | undefined;
  return (name, body, timeout) =>
    it(
      name,
      async (context) => {
        if (failedStep) context.skip(`an earlier step failed: ${failedStep}`);
        // Also on a timeout, when the body is still running and its catch has not run.
        context.onTestFailed(() => {
          failedStep ??= name;
        });
        const errorsBefore = pageErrors.length;
        try {
          await body();
          expect(pageErrors.slice(errorsBefore), "uncaught errors in the pages").toEqual([]);
        } catch (error) {
          failedStep = name;
          console.error(`pages:\n${await describePages()}`);
          const output = serverOutput()?.trim();
          if (output) console.error(`server output:\n${output.slice(-4000)}`);
          throw error;
        }
      },
      timeout,
    );
};
