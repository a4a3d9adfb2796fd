-- Prints the 95th percentile latency in milliseconds after the run (wrk's own summary stops at 50/75/90/99).
done = function(summary, latency, requests)
  io.write(string.format("p95 %.2f\n", latency:percentile(95) / 1000))
end
