-- Order-only load for `computecap serve` (see run.sh): LIMIT orders of 1 permit at 900 cents
-- that cross, so every pair trades. Accounts 1 and 2 take turns (1 sells, 2 buys, 2 sells,
-- 1 buys), so permits and cash circulate and the flow can run for hours.
local tokens = { os.getenv("TOKEN_A"), os.getenv("TOKEN_B") }
local n = 0

function order()
  n = n + 1
  local k = n % 4
  local account = (k == 0 or k == 3) and 1 or 2
  local side = (k == 0 or k == 2) and "SELL" or "BUY"
  local body = string.format(
    '{"accountId":%d,"side":"%s","type":"LIMIT","priceCents":900,"quantity":1,"vintage":1}',
    account, side)
  return wrk.format("POST", "/api/orders", {
    ["Authorization"] = "Bearer " .. tokens[account],
    ["Content-Type"] = "application/json",
  }, body)
end

request = order
