// Opens the page three times in Debian's Chromium and prints its RESULT line.
// Usage: node run.mjs URL   (with playwright-core installed: npm install --prefix DIR playwright-core@1,
// and NODE_PATH or the import below pointing at it).
import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--enable-precise-memory-info"] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
for (let run = 0; run < 3; run++) {
  await page.goto(process.argv[2]);
  await page.waitForFunction(() => document.getElementById("out").textContent.startsWith("RESULT"), null, { timeout: 60000 });
  console.log(await page.textContent("#out"));
}
await browser.close();
