// lod.js keeps a timeline of many events responsive by level of detail:
// when the window (with a window's margin on each side) holds at most
// `detail` events they are drawn one by one; otherwise they are counted
// into calendar bins (a day … a decade, chosen so that a row holds about
// 60 bins across the window), one box per group and bin, coloured by the
// bin's mean score. Only the events or bins near the window are in the
// timeline's DataSet, so drawing costs what is on the screen, not what is
// in the store.
import { scoreClass } from "../util.js";

const day = 864e5;
const units = [
  { name: "day", approx: day },
  { name: "week", approx: 7 * day },
  { name: "month", approx: 30.44 * day },
  { name: "quarter", approx: 91.3 * day },
  { name: "year", approx: 365.25 * day },
  { name: "5 years", approx: 5 * 365.25 * day, years: 5 },
  { name: "decade", approx: 10 * 365.25 * day, years: 10 },
  { name: "25 years", approx: 25 * 365.25 * day, years: 25 },
];

// binStart returns the start (ms, UTC) of the bin of unit holding t.
function binStart(unit, t) {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  switch (unit.name) {
    case "day":
      return Date.UTC(y, d.getUTCMonth(), d.getUTCDate());
    case "week":
      return Math.floor(t / (7 * day)) * 7 * day;
    case "month":
      return Date.UTC(y, d.getUTCMonth(), 1);
    case "quarter":
      return Date.UTC(y, Math.floor(d.getUTCMonth() / 3) * 3, 1);
    case "year":
      return Date.UTC(y, 0, 1);
    default:
      return Date.UTC(Math.floor(y / unit.years) * unit.years, 0, 1);
  }
}

function binEnd(unit, start) {
  const d = new Date(start);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (unit.name) {
    case "day":
      return start + day;
    case "week":
      return start + 7 * day;
    case "month":
      return Date.UTC(y, m + 1, 1);
    case "quarter":
      return Date.UTC(y, m + 3, 1);
    case "year":
      return Date.UTC(y + 1, 0, 1);
    default:
      return Date.UTC(y + unit.years, 0, 1);
  }
}

const fmt = (t) => new Date(t).toISOString().slice(0, 10);

// LevelOfDetail feeds a DataSet with what the window [ws, we] needs.
// items: {id, s (ms), e (ms), group, score, ...vis item} sorted by s.
export class LevelOfDetail {
  constructor(items, data, { detail = 1200, perRow = 60 } = {}) {
    this.items = items;
    this.data = data;
    this.detail = detail;
    this.perRow = perRow;
    this.maxLen = items.reduce((m, it) => Math.max(m, it.e - it.s), 0);
    this.mode = "";
    this.unit = null;
  }

  // near returns the events overlapping [lo, hi], or null when there are
  // more than the detail limit.
  near(lo, hi) {
    const its = this.items;
    // First item that could overlap: start >= lo - longest item.
    let a = 0;
    let z = its.length;
    const from = lo - this.maxLen;
    while (a < z) {
      const mid = (a + z) >> 1;
      if (its[mid].s < from) a = mid + 1;
      else z = mid;
    }
    const out = [];
    for (let i = a; i < its.length && its[i].s <= hi; i++) {
      if (its[i].e >= lo) {
        out.push(its[i]);
        if (out.length > this.detail) return null;
      }
    }
    return out;
  }

  // bins counts the events overlapping [lo, hi] into bins of unit.
  bins(lo, hi, unit) {
    const map = new Map();
    for (const it of this.items) {
      if (it.s > hi || it.e < lo) continue;
      const b = binStart(unit, it.s);
      const key = `${it.group ?? ""}\u0000${b}`;
      let bin = map.get(key);
      if (!bin) {
        bin = { group: it.group, start: b, n: 0, sum: 0 };
        map.set(key, bin);
      }
      bin.n++;
      bin.sum += it.score || 0;
    }
    const out = [];
    for (const bin of map.values()) {
      const end = binEnd(unit, bin.start);
      const mean = bin.sum / bin.n;
      out.push({
        id: `bin:${unit.name}:${bin.group ?? ""}:${bin.start}`,
        group: bin.group,
        start: new Date(bin.start),
        end: new Date(end),
        type: "range",
        count: bin.n,
        label: String(bin.n),
        title: `${bin.n} event${bin.n === 1 ? "" : "s"}, ${fmt(bin.start)} to ${fmt(end - day)}, mean score ${mean.toFixed(1)}: click to zoom in`,
        className: `bin ${scoreClass(mean)}`,
        bin: { start: bin.start, end },
      });
    }
    return out;
  }

  // update fills the DataSet for the window [ws, we] and says what it shows.
  update(ws, we) {
    const span = Math.max(we - ws, day);
    const lo = ws - span;
    const hi = we + span;
    let next = this.near(lo, hi);
    let mode = "events";
    let unit = null;
    if (next === null) {
      unit = units.find((u) => span / u.approx <= this.perRow) || units[units.length - 1];
      next = this.bins(lo, hi, unit);
      mode = "bins";
    }
    const want = new Set(next.map((x) => x.id));
    const have = this.data.getIds();
    const gone = have.filter((id) => !want.has(id));
    const haveSet = new Set(have);
    const fresh = next.filter((x) => !haveSet.has(x.id));
    if (gone.length) this.data.remove(gone);
    if (fresh.length) this.data.add(fresh);
    this.mode = mode;
    this.unit = unit;
    return { mode, unit: unit ? unit.name : "", shown: next.length };
  }

  // represented is how many events the DataSet stands for now.
  represented() {
    let n = 0;
    this.data.forEach((x) => (n += x.count || 1));
    return n;
  }
}
