/**
 * Summarise a V8 .cpuprofile (node --cpu-prof): self time and inclusive time per function.
 *   node scripts/bench/profile-summary.mjs FILE.cpuprofile [top-self=40] [top-inclusive=50]
 */
import fs from 'node:fs';
const f = process.argv[2];
const p = JSON.parse(fs.readFileSync(f));
const byId = new Map(p.nodes.map(n => [n.id, n]));
const self = new Map();
const dt = p.timeDeltas; let total=0;
const counts = new Map();
p.samples.forEach((id, i) => { counts.set(id, (counts.get(id)||0) + (dt[i]||0)); total += dt[i]||0; });
for (const [id, t] of counts) { const n = byId.get(id); const cf = n.callFrame; const k = `${cf.functionName||'(anon)'} ${cf.url.split('/').slice(-2).join('/')}:${cf.lineNumber}`; self.set(k, (self.get(k)||0)+t); }
const arr = [...self].sort((a,b)=>b[1]-a[1]).slice(0, Number(process.argv[3]||40));
console.log('total ms', (total/1000).toFixed(0));
for (const [k,t] of arr) console.log((t/1000).toFixed(1).padStart(8), (100*t/total).toFixed(1).padStart(5)+'%', k);
// inclusive by function name
const parent = new Map(); for (const n of p.nodes) for (const c of n.children||[]) parent.set(c, n.id);
const incl = new Map();
for (const [id, t] of counts) { const seen = new Set(); let cur = id; while (cur !== undefined) { const n = byId.get(cur); const k = n.callFrame.functionName||'(anon)'; if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k)||0)+t); } cur = parent.get(cur); } }
console.log('--- inclusive');
for (const [k,t] of [...incl].sort((a,b)=>b[1]-a[1]).slice(0, Number(process.argv[4]||50))) console.log((t/1000).toFixed(1).padStart(8), (100*t/total).toFixed(1).padStart(5)+'%', k);
