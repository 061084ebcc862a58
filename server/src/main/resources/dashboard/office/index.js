// The front office's landing page: who is signed in, and the pages their role has.
import { $, el, start, roleOf, accountsOf } from './office.js';

start(async (who) => {
  const role = roleOf(who);
  const links = [];
  if (accountsOf(who).some((a) => a.role === 'PARTICIPANT' || a.role === 'INSURER')) {
    links.push(['participant.html', 'My account: holdings, cash, orders, auctions, reports, surrender, compliance, approvals, trusted list, sessions']);
  }
  if (role === 'REGULATOR' || role === 'AUDITOR') {
    links.push(['registry.html', role === 'REGULATOR'
      ? 'The registry: accounts, representatives, allocation, auctions, evaluations, period close, approvals, reversals, reserves, public reports'
      : 'The registry (read only for auditors): accounts, periods, compliance, audits, approvals, reserves, public reports']);
  }
  links.push(['/api/public/reports', 'Public reports (JSON)']);
  $('pages').replaceChildren(...links.map(([href, text]) => el('li', {}, el('a', { href, text }))));
});
