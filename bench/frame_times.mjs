// Measuring the app's frames in the browser benchmarks: the CPU time of the
// frames drawn while something happens, and a pointer swept as a hand would.
import { hook, settle } from "../tests/e2e/browser.mjs";

// The CPU times (ms) of the frames drawn while `act` runs.
export async function frameTimesDuring(page, act) {
  await settle(page);
  const before = await hook(page, "frames");
  await act();
  await settle(page);
  const drawn = (await hook(page, "frames")) - before;
  const times = await hook(page, "frameTimes");
  return times.slice(Math.max(0, times.length - drawn));
}

// Sweeps the pointer across the screen in small steps, three times.
export async function sweepPointer(page) {
  for (let pass = 0; pass < 3; ++pass) {
    for (let step = 0; step <= 100; ++step) {
      const t = step / 100;
      await page.mouse.move(20 + t * 1300, 60 + ((pass * 37 + step * 7) % 640));
    }
  }
}
