// Loaded with --import by the benchmark: writes the process's peak RSS (KiB) when it exits.
import fs from 'node:fs';

process.on('exit', () => {
  if (process.env.VMXLINT_RSS_REPORT) fs.writeFileSync(process.env.VMXLINT_RSS_REPORT, String(process.resourceUsage().maxRSS));
});
