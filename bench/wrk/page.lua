-- GET a decision's page as a signed-in member (cookie from PLENUM_COOKIE), and report p95.
wrk.headers["Cookie"] = os.getenv("PLENUM_COOKIE")
done = function(summary, latency, requests)
  io.write(string.format("p95 %.2f\n", latency:percentile(95) / 1000))
end
