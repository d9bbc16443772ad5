-- Appended to every benchmark script by bench/run: counts 2xx and other answers over all threads and prints one
-- machine-readable line (wrk's own --latency output has no p95).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok = 0
  failed = 0
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local good, bad = 0, 0
  for _, thread in ipairs(threads) do
    good = good + thread:get("ok")
    bad = bad + thread:get("failed")
  end
  local e = summary.errors
  io.write(string.format("BENCH requests=%d ok=%d non2xx=%d socket_errors=%d seconds=%.3f rate=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f\n",
    summary.requests, good, bad, e.connect + e.read + e.write + e.timeout, summary.duration / 1e6,
    good / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
