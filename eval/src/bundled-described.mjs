// Problems in the user's own words (`described`) for the bundled articles (articles/): one to four
// sentences as a ticket or a search is written, not the error string pasted. They may mention a
// number or a word of the message casually, misremember it, abbreviate ("app pool", "lb", "cert",
// "db") or make typos. None repeats a sentence of its article.

import { Q, C, R, A, K, W, X, N, L, M, G, S, SA, SS, T, E } from './articles.mjs'

const d = (c) => ({ kind: 'described', corpus: 'bundled', ...c })

export default [
  // ---------------------------------------------------------------- HTTP.SYS QueueFull
  d({
    id: 'dq-lunch-peak', set: 'dev', expect: Q,
    note: 'peak-time 503s while the pool stays up; only HTTPERR shows them',
    text: String.raw`at lunchtime a part of our users get 503 service unavailable, but the app pool is running the whole time. our normal IIS logs don't even show those requests, only the httperr files do`,
  }),
  d({
    id: 'dq-raise-queue', set: 'holdout', expect: Q,
    note: 'reason phrase mentioned casually; asks about the wrong fix',
    text: String.raw`site crawls every morning at 9 and then starts throwing 503s, httperr says QueueFull for our pool. should i just bump the queue length to 10000?`,
  }),
  d({
    id: 'dq-slow-then-503', set: 'dev', expect: Q,
    note: 'no code; slow DB calls pile up, then 503 from the kernel',
    text: String.raw`When the db gets slow our IIS app piles up requests (hundreds executing in worker processes view) and new visitors get a plain 503 page straight away. Pool never stops, no crash.`,
  }),

  // ---------------------------------------------------------------- 500.19 0x8007000d
  d({
    id: 'dc-new-server', set: 'dev', expect: C,
    note: 'fresh server, every URL 500.19, empty config error; no HRESULT',
    text: String.raw`moved our .net 8 api to a brand new 2022 server and every url, even static files, gives 500.19. the config error field on the error page is empty. same web.config worked on the old box`,
  }),
  d({
    id: 'dc-rewrite-rules', set: 'holdout', expect: C,
    note: 'rewrite section added, code without 0x',
    text: String.raw`added some redirect rules to web.config and now the whole site gives 500.19 (8007000d) on the test server only. on my machine it works`,
  }),
  d({
    id: 'dc-hosting-bundle', set: 'dev', expect: C,
    note: 'own words: ASP.NET Core publish, config page unreadable; typo "cofiguration"',
    text: String.raw`published an asp.net core app to IIS, browser says the related cofiguration data for the page is invalid, internal server error. do i need to install something on the server first?`,
  }),

  // ---------------------------------------------------------------- Rapid-fail protection
  d({
    id: 'dr-keeps-stopping', set: 'dev', expect: R,
    note: 'pool stops on its own, start by hand, stops again',
    text: String.raw`our app pool turns itself off every few minutes and the site shows 503. i start it again in IIS manager and a bit later it's stopped again. there are WAS warnings in the system log before it happens`,
  }),
  d({
    id: 'dr-series-of-failures', set: 'holdout', expect: R,
    note: 'quotes part of the 5002 text loosely',
    text: String.raw`apppool gets disabled automatically "due to a series of failures" - what should I look at first? we deployed a new build this morning`,
  }),
  d({
    id: 'dr-identity-password', set: 'dev', expect: R,
    note: 'pool stops after the service account password changed (5021 cause)',
    text: String.raw`after the yearly password change of our service account, the site returns 503 and the app pool shows Stopped. nobody stopped it.`,
  }),

  // ---------------------------------------------------------------- ARR 502.3 timeout
  d({
    id: 'da-thirty-seconds', set: 'dev', expect: A,
    note: 'long reports through ARR fail at 30 s; back end completes',
    text: String.raw`reports through our IIS ARR reverse proxy fail after exactly 30 sec with 502.3 bad gateway. the backend logs show the report finished fine after ~45 sec`,
  }),
  d({
    id: 'da-farm-timeout', set: 'holdout', expect: A,
    note: 'asks where to raise the time-out for a web farm',
    text: String.raw`Where do I raise the proxy timeout for a server farm in ARR? Long exports get a bad gateway "operation timed out" after half a minute.`,
  }),

  // ---------------------------------------------------------------- Kerberos KRB_AP_ERR_MODIFIED
  d({
    id: 'dk-svc-account-alias', set: 'dev', expect: K,
    note: 'prompts since pool moved to a domain account; alias vs server name',
    text: String.raw`since we switched the app pool to a domain service account, people get a login box on the intranet. by server name it works, by the dns alias it doesn't`,
  }),
  d({
    id: 'dk-second-server', set: 'holdout', expect: K,
    note: 'second farm node; duplicate SPN suspected; 401',
    text: String.raw`SSO broke after adding a second web server behind the lb. users randomly get 401 or password prompts. setspn -q shows HTTP/portal.corp.local on two accounts, is that the problem?`,
  }),

  // ---------------------------------------------------------------- w3wp crash
  d({
    id: 'dw-logged-out', set: 'dev', expect: W,
    note: 'lost sessions, faulting w3wp in the app log',
    text: String.raw`users get logged out at random several times a day and lose their carts. app log shows w3wp.exe faulting application errors at the same times`,
  }),
  d({
    id: 'dw-capture-dump', set: 'holdout', expect: W,
    note: 'wants to capture a crash; event number mentioned',
    text: String.raw`how do i get a crash dump when w3wp dies? event 5011 keeps appearing in the system log, no idea what crashes it`,
  }),

  d({
    id: 'dw-stackoverflow-typos', set: 'dev', expect: W,
    note: 'typos ("stopes", "reqeusts"), exception code without 0x, pool restarting',
    text: String.raw`w3wp crashs with c00000fd a few times per day, app pool restarts and all in-flight reqeusts fail, after some crashes the pool stopes. how do i find which page causes it`,
  }),

  // ---------------------------------------------------------------- IIS 5.1 bmnet.dll
  d({
    id: 'dx-broadband-card', set: 'dev', expect: X,
    note: 'XP dev box, random missing static files after mobile card software',
    text: String.raw`local IIS on my XP dev pc shows pages with random images and css missing, different ones on each refresh. they come back 403 first and later 500. it started after I installed the software for my mobile broadband card`,
  }),
  d({
    id: 'dx-handle-invalid', set: 'holdout', expect: X,
    note: 'handle-is-invalid wording, junk files in C:\\',
    text: String.raw`iis on winxp gets worse every day until it hangs, static files fail with "the handle is invalid" and strange files named like my pages show up in the root of C:`,
  }),

  // ---------------------------------------------------------------- IIS 6 nonpaged pool
  d({
    id: 'dn-every-few-days', set: 'dev', expect: N,
    note: 'server stops answering HTTP every few days; ping/RDP fine',
    text: String.raw`our old 2003 server with iis6 stops answering web requests every 3-4 days. ping and remote desktop still work, only a reboot helps. httperr is full of connections refused`,
  }),
  d({
    id: 'dn-nonpaged-climbs', set: 'holdout', expect: N,
    note: 'perfmon counter climbing; no HTTPERR text',
    text: String.raw`perfmon shows nonpaged pool bytes climbing steadily on our IIS 6 web box until the site stops responding. srv event 2019 too`,
  }),

  // ---------------------------------------------------------------- LB idle timeout / keep-alive
  d({
    id: 'dl-alb-quiet', set: 'dev', expect: L,
    note: 'sporadic 502 after quiet periods, no app log entry',
    text: String.raw`random 502s from our AWS ALB, maybe 1 in 1000 requests, mostly after the app was quiet for a few seconds. our node service has no log line for those requests at all`,
  }),
  d({
    id: 'dl-minute-504', set: 'holdout', expect: L,
    note: 'requests longer than ~60 s get 504 from the new LB',
    text: String.raw`since moving behind the new load balancer anything that takes longer than a minute comes back 504 gateway timeout, but the backend logs show it completed`,
  }),

  d({
    id: 'dl-keepalive-guess', set: 'holdout', expect: L,
    note: 'own words with a guess at the cause; "lb" and "keep alive"',
    text: String.raw`getting occasional 502s from the lb in front of our node api. someone said it could be keep alive timeout on node being shorter than the lb idle timeout? retry always works`,
  }),

  // ---------------------------------------------------------------- MobileFirst farm 503
  d({
    id: 'dm-one-node', set: 'dev', expect: M,
    note: 'one farm member 503 after a network glitch',
    text: String.raw`after a short network glitch last night one of our MobileFirst servers answers every app request with 503, the other farm members are fine. only restarting that server fixed it`,
  }),
  d({
    id: 'dm-worklight-sync', set: 'holdout', expect: M,
    note: 'older product name, synchronization state wording paraphrased',
    text: String.raw`worklight runtime stuck waiting to sync with the admin service after a heartbeat timeout, that node keeps returning service unavailable to the mobile app`,
  }),

  // ---------------------------------------------------------------- nginx 504
  d({
    id: 'dg-php-export', set: 'dev', expect: G,
    note: 'nginx 504 at exactly 60 s, php-fpm',
    text: String.raw`nginx gives 504 gateway time-out after exactly 60 seconds on our admin csv export. php-fpm behind it, the script itself just needs ~2 minutes`,
  }),
  d({
    id: 'dg-django-upstream', set: 'holdout', expect: G,
    note: 'django/gunicorn behind nginx; mentions upstream timed out',
    text: String.raw`Django app behind nginx (gunicorn) times out on long requests; nginx error log says upstream timed out while reading the response header. What do I raise?`,
  }),

  // ---------------------------------------------------------------- Schannel handshake failure
  d({
    id: 'ds-old-java', set: 'dev', expect: S,
    note: 'hardening broke an old Java client; handshake failure',
    text: String.raw`after we turned off tls 1.0 and 1.1 with IIS Crypto, an old java 7 client can't connect anymore, handshake failure. there are schannel errors in the system log on the server`,
  }),
  d({
    id: 'ds-chrome-mismatch', set: 'holdout', expect: S,
    note: 'browser error code mentioned, GPO hardening; no event id',
    text: String.raw`chrome shows ERR_SSL_VERSION_OR_CIPHER_MISMATCH for our IIS site since the new cipher suite GPO was applied, nothing at all in the IIS log`,
  }),

  // ---------------------------------------------------------------- SiteMinder Sm_AgentApi_Init
  d({
    id: 'dsa-nightly-reboot', set: 'dev', expect: SA,
    note: 'agent fails to init after frequent reboots, 500 on protected pages',
    text: String.raw`siteminder web agent on our test IIS servers fails to start after reboots, the only event is Sm_AgentApi_Init Failed and every protected page gives 500. it's the boxes that reboot every night`,
  }),
  d({
    id: 'dsa-stale-established', set: 'holdout', expect: SA,
    note: 'policy server still holds connections from a rebooted agent host',
    text: String.raw`web server just rebooted but netstat on the policy server still lists a bunch of ESTABLISHED connections from its IP, and the agent on it won't initialise`,
  }),

  // ---------------------------------------------------------------- SiteMinder shared secret
  d({
    id: 'dss-nothing-changed', set: 'dev', expect: SS,
    note: 'agent stopped loading, host config message, handshake errors on the policy server',
    text: String.raw`the siteminder agent on web03 stopped loading though we changed nothing there. event log says it can't load the host configuration, and smps.log shows handshake errors saying the shared secret is wrong`,
  }),
  d({
    id: 'dss-policy-store-restore', set: 'holdout', expect: SS,
    note: 'after restoring the policy store, no IIS agent connects',
    text: String.raw`we restored the siteminder policy store from backup yesterday and since then none of our IIS web agents come up, LLAWP quits right away`,
  }),

  // ---------------------------------------------------------------- incomplete certificate chain
  d({
    id: 'dt-curl-python', set: 'dev', expect: T,
    note: 'API clients fail, browsers fine, after renewal on the LB',
    text: String.raw`curl and our python scripts fail with "unable to get local issuer certificate" but browsers open the site fine. we renewed the cert on the F5 last week`,
  }),
  d({
    id: 'dt-android', set: 'holdout', expect: T,
    note: 'mobile client fails after the certificate moved; "cert"',
    text: String.raw`android app can't connect to the api since we moved the cert to the new load balancer, it says trust anchor for certification path not found. desktop browsers have no problem`,
  }),

  d({
    id: 'dt-renewed-only-leaf', set: 'dev', expect: T,
    note: 'admin suspects the chain; Java client error paraphrased',
    text: String.raw`after renewing our cert on the nginx box, the java services calling us fail with PKIX path building failed. i think i only put the server cert in, not the intermediate?`,
  }),

  // ---------------------------------------------------------------- ephemeral port exhaustion
  d({
    id: 'de-time-wait', set: 'dev', expect: E,
    note: 'outbound calls fail after hours; TIME_WAIT pile; recycle helps',
    text: String.raw`after a few hours our web server can't reach the db or any external API anymore while incoming http still works. netstat shows thousands of TIME_WAIT. recycling the app pool fixes it for a while`,
  }),
  d({
    id: 'de-httpclient-10055', set: 'holdout', expect: E,
    note: 'new HttpClient per request, socket error number mentioned',
    text: String.raw`we create a new HttpClient for every request in our .net app and under load we start getting socket error 10055 on outgoing calls`,
  }),
]
