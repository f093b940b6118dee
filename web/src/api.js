// api.js talks to chronicle's JSON API (docs/API.md). Errors come back as
// {"error": "..."}; they are thrown as ApiError with that message.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// query turns {k: v | [v...]} into a query string, skipping empty values.
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === undefined || v === null || v === "") continue;
    if (Array.isArray(v)) v.filter((x) => x !== "").forEach((x) => q.append(k, x));
    else q.append(k, String(v));
  }
  const s = q.toString();
  return s ? "?" + s : "";
}

// api fetches /api/<path> and returns the parsed JSON.
export async function api(path, params, signal) {
  const res = await fetch("/api/" + path + query(params), { signal, headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (!res.ok) {
    const msg = body && body.error ? body.error : `${res.status} ${res.statusText}`;
    throw new ApiError(res.status, msg);
  }
  return body;
}

// allEvents fetches every event matching params, a page of 1000 at a time
// (the API's largest), the later pages in parallel.
export async function allEvents(params, signal, onProgress) {
  const pageSize = 1000;
  const first = await api("events", { ...params, limit: pageSize, offset: 0 }, signal);
  const events = first.events.slice();
  const total = first.total;
  onProgress?.(events.length, total);
  const offsets = [];
  for (let o = pageSize; o < total; o += pageSize) offsets.push(o);
  const pages = new Array(offsets.length);
  let next = 0;
  let done = events.length;
  const worker = async () => {
    while (next < offsets.length) {
      const i = next++;
      const p = await api("events", { ...params, limit: pageSize, offset: offsets[i] }, signal);
      pages[i] = p.events;
      done += p.events.length;
      onProgress?.(done, total);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  for (const p of pages) events.push(...p);
  return { total, events };
}

// eventsByIds fetches single events, a few at a time.
export async function eventsByIds(ids, signal) {
  const out = new Array(ids.length);
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const i = next++;
      out[i] = (await api("events/" + encodeURIComponent(ids[i]), null, signal)).event;
    }
  };
  await Promise.all([worker(), worker(), worker(), worker(), worker(), worker()]);
  return out;
}
