-- Each connection votes as its own member (one API token each from PLENUM_TOKENS), alternating
-- agree and disagree, so every request after the first is a vote change.
local tokens = {}
for line in io.lines(os.getenv("PLENUM_TOKENS")) do tokens[#tokens + 1] = line end
local counter = 0
setup = function(thread)
  thread:set("offset", counter * 500)
  counter = counter + 1
end
local calls = 0
request = function()
  calls = calls + 1
  local token = tokens[((offset + calls) % #tokens) + 1]
  local position = (calls % 2 == 0) and "agree" or "disagree"
  return wrk.format("POST", nil, {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }, '{"position":"' .. position .. '"}')
end
