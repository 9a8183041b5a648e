// Pastes for the bundled articles (articles/*.md), part 2. See bundled-1.mjs for conventions.

import { L, M, G, S, SA, SS, T, E } from './articles.mjs'

export default [
  // ---------------------------------------------------------------- LB idle timeout / keep-alive
  {
    id: 'lbkeepalive-applog-1', corpus: 'bundled', kind: 'app-log', set: 'dev', expect: L,
    note: 'caller service log: sporadic 502 from the ALB after quiet periods, retry succeeds',
    text: String.raw`2025-05-04 10:21:58.204 INFO  [http-nio-8080-exec-3] c.f.billing.InvoiceController - GET /invoices/7741 200 (38 ms)
2025-05-04 10:22:17.339 WARN  [pool-2-thread-7] c.f.billing.GatewayClient - POST https://payments.internal.fourthcoffee.io/v2/charge -> 502 Bad Gateway (server: awselb/2.0) after 2 ms, retrying (1/3)
2025-05-04 10:22:17.402 INFO  [pool-2-thread-7] c.f.billing.GatewayClient - POST https://payments.internal.fourthcoffee.io/v2/charge -> 201 Created (61 ms)
2025-05-04 10:22:30.118 INFO  [http-nio-8080-exec-5] c.f.billing.InvoiceController - GET /invoices/7742 200 (41 ms)
2025-05-04 10:31:02.877 WARN  [pool-2-thread-2] c.f.billing.GatewayClient - POST https://payments.internal.fourthcoffee.io/v2/charge -> 502 Bad Gateway (server: awselb/2.0) after 1 ms, retrying (1/3)
2025-05-04 10:31:02.940 INFO  [pool-2-thread-2] c.f.billing.GatewayClient - POST https://payments.internal.fourthcoffee.io/v2/charge -> 201 Created (58 ms)
2025-05-04 10:31:05.006 INFO  [scheduler-1] c.f.billing.Metrics - gateway 502 rate last 1h: 0.4% (payments service logs show no matching requests)`,
  },
  {
    id: 'lbkeepalive-terse-1', corpus: 'bundled', kind: 'terse', set: 'dev', expect: L,
    note: 'user words',
    text: String.raw`random 502 from the ALB after idle periods, retry works right away, node backend, nothing in app logs`,
  },
  {
    id: 'lbkeepalive-stack-1', corpus: 'bundled', kind: 'stack-trace', set: 'holdout', expect: L,
    note: 'Python requests traceback; only clue is awselb + the user line; hard',
    text: String.raw`Traceback (most recent call last):
  File "/srv/etl/jobs/sync_orders.py", line 88, in push_batch
    resp.raise_for_status()
  File "/srv/etl/.venv/lib/python3.11/site-packages/requests/models.py", line 1021, in raise_for_status
    raise HTTPError(http_error_msg, response=self)
requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: https://orders-api.prod.example.internal/api/v2/batches

response headers: {'Server': 'awselb/2.0', 'Date': 'Tue, 10 Jun 2025 03:12:09 GMT', 'Content-Type': 'text/html', 'Content-Length': '122', 'Connection': 'keep-alive'}
happens maybe 1 in 300 calls, mostly the first call after the job has been idle for a bit. target group health checks are all green`,
  },
  {
    id: 'lbkeepalive-browser-1', corpus: 'bundled', kind: 'browser', set: 'dev', expect: L,
    note: 'DevTools network panel: 504 from the ALB after 60 s; back end finishes later',
    text: String.raw`Request URL: https://reports.contoso-retail.com/api/v1/reports/run
Request Method: POST
Status Code: 504 Gateway Time-out
Remote Address: 52.18.201.77:443
Referrer Policy: strict-origin-when-cross-origin

Response Headers
content-length: 132
content-type: text/html
date: Wed, 11 Jun 2025 09:41:10 GMT
server: awselb/2.0

Timing: Waiting for server response 1.0 min

always exactly 60 s, the report service logs say it finished in ~75 s with 200`,
  },
  {
    id: 'lbkeepalive-truncated-1', corpus: 'bundled', kind: 'truncated', set: 'holdout', expect: L,
    note: 'ALB access log line cut in the request field; 502 with target status "-"',
    text: String.raw`h2 2025-06-11T08:41:09.117842Z app/web-prod/8a1e33c0f5b2d7a4 198.51.100.77:61802 10.0.12.9:8080 0.001 -1 -1 502 - 1043 277 "POST https://shop.exam`,
  },

  // ---------------------------------------------------------------- MobileFirst farm 503
  {
    id: 'mobilefirst-applog-1', corpus: 'bundled', kind: 'app-log', set: 'dev', expect: M,
    note: 'WebSphere SystemOut.log: heartbeat read timeout, then every runtime request rejected with 503',
    text: String.raw`[6/3/25 9:13:40:002 CEST] 000000a7 SystemOut     O  [FarmHeartbeat] sending heartbeat for runtime /bankapp to admin service
[6/3/25 9:14:10:118 CEST] 000000a7 FarmHeartbeat W   heartbeat to administration service failed: javax.management.JMRuntimeException: java.net.SocketTimeoutException: Read timed out
[6/3/25 9:14:10:121 CEST] 000000a7 RuntimeSync   W   runtime /bankapp requires synchronization with the administration service
[6/3/25 9:14:11:530 CEST] 00000133 webcontainer  I   GET /bankapp/api/adapters/accounts/balance -> 503
[6/3/25 9:14:11:902 CEST] 00000129 webcontainer  I   POST /bankapp/api/az/v1/token -> 503
[6/3/25 9:20:44:410 CEST] 00000129 webcontainer  I   POST /bankapp/api/az/v1/token -> 503
[6/3/25 11:02:13:777 CEST] 0000013a webcontainer  I   GET /bankapp/api/adapters/accounts/balance -> 503`,
  },
  {
    id: 'mobilefirst-terse-1', corpus: 'bundled', kind: 'terse', set: 'dev', expect: M,
    note: 'user words',
    text: String.raw`mobilefirst farm: one node returns 503 to every request until we restart it, other nodes fine`,
  },
  {
    id: 'mobilefirst-stack-1', corpus: 'bundled', kind: 'stack-trace', set: 'holdout', expect: M,
    note: 'Java stack of the failed JMX heartbeat (class names invented but plausible); user adds the 503 part',
    text: String.raw`java.net.SocketTimeoutException: Read timed out
	at java.net.SocketInputStream.socketRead0(Native Method)
	at java.net.SocketInputStream.read(SocketInputStream.java:171)
	at com.ibm.ws.management.connector.soap.SOAPConnectorClient.invoke(SOAPConnectorClient.java:612)
	at com.ibm.ws.management.AdminClientImpl.invoke(AdminClientImpl.java:243)
	at com.ibm.worklight.admin.farm.HeartbeatSender.sendHeartbeat(HeartbeatSender.java:97)
	at com.ibm.worklight.admin.farm.HeartbeatSender.run(HeartbeatSender.java:61)
	at java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1160)
	at java.lang.Thread.run(Thread.java:825)

logged once on farm member mfp-was-02 at 02:10, since then the Worklight runtime there answers 503 Service Unavailable to all app requests`,
  },
  {
    id: 'mobilefirst-truncated-1', corpus: 'bundled', kind: 'truncated', set: 'dev', expect: M,
    note: 'ticket title cut off',
    text: String.raw`Worklight runtime in server farm keeps returning HTTP 503 Service Unavailable after heartbeat time`,
  },
  {
    id: 'mobilefirst-applog-2', corpus: 'bundled', kind: 'app-log', set: 'dev', expect: M,
    note: 'Liberty messages.log variant, heartbeat timeout then 503s hours later',
    text: String.raw`[2025-09-14 22:05:00:013 UTC] 0000004f com.ibm.ws.kernel.feature.internal.FeatureManager   I CWWKF0012I: The server installed the following features: [jndi-1.0, jmx-1.0, restConnector-2.0, servlet-4.0].
[2025-09-14 23:41:17:509 UTC] 00000091 mfp.runtime.farm                                     W heartbeat call to admin service timed out after 30000 ms (member mfp-lib-03)
[2025-09-14 23:41:17:511 UTC] 00000091 mfp.runtime.farm                                     W runtime "retail" switched to state REQUIRES_SYNC
[2025-09-15 07:12:40:230 UTC] 000000b2 mfp.runtime.http                                     I 503 returned for /mfp/api/adapters/catalog/items (runtime retail not synchronized)
[2025-09-15 07:12:41:004 UTC] 000000b5 mfp.runtime.http                                     I 503 returned for /mfp/api/az/v1/token (runtime retail not synchronized)`,
  },

  // ---------------------------------------------------------------- nginx 504 upstream timed out
  {
    id: 'nginx504-applog-1', corpus: 'bundled', kind: 'app-log', set: 'dev', expect: G,
    note: 'nginx error.log: the timeout line between notice/warn chatter',
    text: String.raw`2025/03/11 14:20:01 [notice] 1187#1187: signal process started
2025/03/11 14:21:37 [warn] 1190#1190: *918203 an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/4/31/0000000314 while reading upstream, client: 198.51.100.23, server: app.example.org, request: "GET /exports/latest.csv HTTP/1.1", upstream: "http://127.0.0.1:8000/exports/latest.csv", host: "app.example.org"
2025/03/11 14:22:05 [error] 1190#1190: *918273 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 198.51.100.23, server: app.example.org, request: "GET /reports/annual?year=2024 HTTP/1.1", upstream: "http://127.0.0.1:8000/reports/annual?year=2024", host: "app.example.org", referrer: "https://app.example.org/reports"
2025/03/11 14:22:09 [info] 1190#1190: *918290 client closed connection while waiting for request, client: 203.0.113.61, server: 0.0.0.0:443`,
  },
  {
    id: 'nginx504-browser-1', corpus: 'bundled', kind: 'browser', set: 'dev', expect: G,
    note: 'the bare nginx error page',
    text: String.raw`504 Gateway Time-out
nginx/1.18.0 (Ubuntu)`,
  },
  {
    id: 'nginx504-terse-1', corpus: 'bundled', kind: 'terse', set: 'holdout', expect: G,
    note: 'user words',
    text: String.raw`nginx 504 after exactly 60s on the export page, gunicorn behind it`,
  },
  {
    id: 'nginx504-truncated-1', corpus: 'bundled', kind: 'truncated', set: 'dev', expect: G,
    note: 'error.log message cut',
    text: String.raw`upstream timed out (110: Connection timed out) while reading response header from ups`,
  },
  {
    id: 'nginx504-applog-2', corpus: 'bundled', kind: 'app-log', set: 'holdout', expect: G,
    note: 'Apache httpd as proxy variant: AH01102 / 70007',
    text: String.raw`[Thu Apr 10 16:02:11.482219 2025] [mpm_event:notice] [pid 2204:tid 140512233289600] AH00489: Apache/2.4.58 (Ubuntu) configured -- resuming normal operations
[Thu Apr 10 16:09:45.907113 2025] [proxy_http:error] [pid 2231:tid 140511980672704] (70007)The timeout specified has expired: [client 10.1.1.8:51231] AH01102: error reading status line from remote server 10.0.0.5:8080, referer: https://intranet.litware.local/billing/run
[Thu Apr 10 16:09:45.907170 2025] [proxy:error] [pid 2231:tid 140511980672704] [client 10.1.1.8:51231] AH00898: Error reading from remote server returned by /billing/run, referer: https://intranet.litware.local/billing/`,
  },

  // ---------------------------------------------------------------- schannel handshake failure
  {
    id: 'schannel-event-1', corpus: 'bundled', kind: 'event-viewer', set: 'dev', expect: S,
    note: 'Schannel 36874 on the server',
    text: String.raw`Log Name:      System
Source:        Schannel
Date:          1/28/2025 3:05:44 PM
Event ID:      36874
Task Category: None
Level:         Error
Keywords:
User:          SYSTEM
Computer:      EDGE-WEB-04.litware.com
Description:
An TLS 1.2 connection request was received from a remote client application, but none of the cipher suites supported by the client application are supported by the server. The TLS connection request has failed.`,
  },
  {
    id: 'schannel-event-2', corpus: 'bundled', kind: 'event-viewer', set: 'holdout', expect: S,
    note: 'Schannel 36887 alert 40 on the calling side',
    text: String.raw`Log Name:      System
Source:        Schannel
Date:          1/28/2025 3:05:44 PM
Event ID:      36887
Task Category: None
Level:         Error
Keywords:
User:          SYSTEM
Computer:      APP-BATCH-09
Description:
A fatal alert was received from the remote endpoint. The TLS protocol defined fatal alert code is 40.`,
  },
  {
    id: 'schannel-stack-1', corpus: 'bundled', kind: 'stack-trace', set: 'dev', expect: S,
    note: '.NET Framework client exception with stack',
    text: String.raw`System.Net.WebException: The request was aborted: Could not create SSL/TLS secure channel.
   at System.Net.HttpWebRequest.GetResponse()
   at Litware.Integration.PartnerFeed.Download(Uri feedUri) in C:\build\agent\_work\12\s\src\Integration\PartnerFeed.cs:line 77
   at Litware.Integration.Jobs.NightlySync.Run() in C:\build\agent\_work\12\s\src\Integration\Jobs\NightlySync.cs:line 31
   at Litware.Scheduler.JobRunner.Execute(IJob job)`,
  },
  {
    id: 'schannel-terse-1', corpus: 'bundled', kind: 'terse', set: 'dev', expect: S,
    note: 'user words with curl code',
    text: String.raw`curl 35 handshake failure since we disabled tls 1.0/1.1 on the iis servers`,
  },
  {
    id: 'schannel-truncated-1', corpus: 'bundled', kind: 'truncated', set: 'holdout', expect: S,
    note: 'curl OpenSSL 3 message cut',
    text: String.raw`curl: (35) error:0A000410:SSL routines::sslv3 alert handshake fail`,
  },
  {
    id: 'schannel-browser-1', corpus: 'bundled', kind: 'browser', set: 'dev', expect: S,
    note: 'Chrome error page text',
    text: String.raw`This site can't provide a secure connection
legacy-api.litware.com uses an unsupported protocol.
ERR_SSL_VERSION_OR_CIPHER_MISMATCH

Unsupported protocol
The client and server don't support a common SSL protocol version or cipher suite.`,
  },

  // ---------------------------------------------------------------- SiteMinder Sm_AgentApi_Init
  {
    id: 'smagentinit-event-1', corpus: 'bundled', kind: 'event-viewer', set: 'dev', expect: SA,
    note: 'Application log entry from the web agent',
    text: String.raw`Log Name:      Application
Source:        SiteMinder Web Agent
Date:          10/2/2025 5:31:09 AM
Event ID:      0
Task Category: None
Level:         Error
Keywords:      Classic
User:          N/A
Computer:      SSO-WEB-TST-07
Description:
Sm_AgentApi_Init Failed`,
  },
  {
    id: 'smagentinit-terse-1', corpus: 'bundled', kind: 'terse', set: 'dev', expect: SA,
    note: 'user words',
    text: String.raw`siteminder web agent won't start after the nightly reboot, Sm_AgentApi_Init Failed, agent log is empty`,
  },
  {
    id: 'smagentinit-applog-1', corpus: 'bundled', kind: 'app-log', set: 'holdout', expect: SA,
    note: 'patch automation log with reboot cycles; the failure line sits in the middle',
    text: String.raw`2025-10-02 05:28:40 INFO  [patch-runner:3] SSO-WEB-TST-07: installing 2 updates
2025-10-02 05:30:02 INFO  [patch-runner:3] SSO-WEB-TST-07: reboot #3 today requested
2025-10-02 05:31:21 INFO  [patch-runner:3] SSO-WEB-TST-07: back online after 79 s
2025-10-02 05:31:40 ERROR [smoke:1] SSO-WEB-TST-07: GET https://sso-web-tst-07/protected/home -> 500 Internal Server Error
2025-10-02 05:31:41 ERROR [smoke:1] SSO-WEB-TST-07: Application event log: "Sm_AgentApi_Init Failed" (source SiteMinder Web Agent); LLAWP.exe not running
2025-10-02 05:31:41 INFO  [patch-runner:3] SSO-WEB-TST-07: marking host as degraded, continuing with next host`,
  },
  {
    id: 'smagentinit-truncated-1', corpus: 'bundled', kind: 'truncated', set: 'dev', expect: SA,
    note: 'event viewer "description cannot be found" wrapper, cut in the message',
    text: String.raw`The description for Event ID 0 from source SiteMinder Web Agent cannot be found. Either the component that raises this event is not installed on your local computer or the installation is corrupted. You can install or repair the component on the local computer.

If the event originated on another computer, the display information had to be saved with the event.

The following information was included with the event:

Sm_AgentApi_Init Fai`,
  },
  {
    id: 'smagentinit-event-2', corpus: 'bundled', kind: 'event-viewer', set: 'holdout', expect: SA,
    note: 'same event seen from a different host, with the user\'s remark about the policy server netstat',
    text: String.raw`Log Name: Application
Source: SiteMinder Web Agent
Date: 4/18/2025 11:52:30 PM
Event ID: 0
Level: Error
User: N/A
Computer: WEBAGT-QA-2.qa.woodgrove.net
Description: Sm_AgentApi_Init Failed

netstat on the policy server still shows a pile of ESTABLISHED sessions from 10.31.6.45 (this box) although it rebooted 5 minutes ago`,
  },

  // ---------------------------------------------------------------- SiteMinder shared secret
  {
    id: 'smsecret-event-1', corpus: 'bundled', kind: 'event-viewer', set: 'dev', expect: SS,
    note: 'web server side event with the SmHost.conf path',
    text: String.raw`Log Name:      Application
Source:        SiteMinder Web Agent
Date:          7/8/2025 9:12:40 AM
Event ID:      0
Task Category: None
Level:         Error
Keywords:      Classic
User:          N/A
Computer:      PORTAL-WEB-03
Description:
Unable to load SiteMinder host configuration object or host configuration file. D:\Program Files\CA\webagent\win64\config\SmHost.conf`,
  },
  {
    id: 'smsecret-applog-1', corpus: 'bundled', kind: 'app-log', set: 'dev', expect: SS,
    note: 'smps.log excerpt: handshake failures among INFO lines',
    text: String.raw`[4408/6916][Tue Jul 08 2025 09:12:31][SmPolicyServer.cpp:2011][INFO][sm-Server-01020] Policy Server ready, 14 agents connected
[4408/7120][Tue Jul 08 2025 09:12:44][CServer.cpp:1713][ERROR][sm-Server-01090] Failed handshake with 10.70.3.21
[4408/7120][Tue Jul 08 2025 09:12:44][CServer.cpp:1713][ERROR][sm-Server-01090] Handshake error: Shared secret incorrect for this client
[4408/7120][Tue Jul 08 2025 09:12:44][CServer.cpp:1780][ERROR][sm-Server-01080] Bad security handshake attempt. Handshake error: 3154
[4408/6916][Tue Jul 08 2025 09:13:01][SmAuthUser.cpp:388][INFO][sm-Server-04010] Authenticated user uid=pmeyer,ou=staff,o=woodgrove`,
  },
  {
    id: 'smsecret-terse-1', corpus: 'bundled', kind: 'terse', set: 'holdout', expect: SS,
    note: 'user words',
    text: String.raw`llawp wont load on the iis box, policy server says shared secret incorrect`,
  },
  {
    id: 'smsecret-truncated-1', corpus: 'bundled', kind: 'truncated', set: 'dev', expect: SS,
    note: 'log line cut inside the message',
    text: String.raw`[ERROR][sm-Server-01090] Handshake error: Shared secret incorrect for this cl`,
  },
  {
    id: 'smsecret-applog-2', corpus: 'bundled', kind: 'app-log', set: 'dev', expect: SS,
    note: 'smps.log with only the numeric handshake error and the failed handshake line',
    text: String.raw`[2212/3380][Mon Feb 03 2025 14:00:02][SmPolicyServer.cpp:1874][INFO][sm-Server-00560] Journal cleanup finished
[2212/3512][Mon Feb 03 2025 14:02:57][CServer.cpp:1713][ERROR][sm-Server-01090] Failed handshake with 172.22.40.118
[2212/3512][Mon Feb 03 2025 14:02:57][CServer.cpp:1780][ERROR][sm-Server-01080] Bad security handshake attempt. Handshake error: 3154
[2212/3380][Mon Feb 03 2025 14:03:02][SmPolicyServer.cpp:1874][INFO][sm-Server-00560] Journal cleanup finished`,
  },

  // ---------------------------------------------------------------- incomplete certificate chain
  {
    id: 'certchain-stack-1', corpus: 'bundled', kind: 'stack-trace', set: 'dev', expect: T,
    note: 'Java PKIX exception with stack',
    text: String.raw`2025-08-19 07:44:02.551 ERROR 1 --- [nio-8443-exec-4] o.a.c.c.C.[.[.[/].[dispatcherServlet] : Servlet.service() threw exception
javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target
	at java.base/sun.security.ssl.Alert.createSSLException(Alert.java:131)
	at java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:378)
	at java.base/sun.security.ssl.CertificateMessage$T13CertificateConsumer.checkServerCerts(CertificateMessage.java:1348)
	at java.base/sun.net.www.protocol.https.HttpsClient.afterConnect(HttpsClient.java:577)
	at org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:776)
	at com.proseware.shipping.CarrierClient.quote(CarrierClient.java:54)
Caused by: sun.security.validator.ValidatorException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target
	at java.base/sun.security.validator.PKIXValidator.doBuild(PKIXValidator.java:439)
	... 47 common frames omitted`,
  },
  {
    id: 'certchain-stack-2', corpus: 'bundled', kind: 'stack-trace', set: 'holdout', expect: T,
    note: 'Python traceback',
    text: String.raw`Traceback (most recent call last):
  File "/usr/lib/python3.12/site-packages/urllib3/connectionpool.py", line 466, in _make_request
    self._validate_conn(conn)
  File "/usr/lib/python3.12/ssl.py", line 1342, in do_handshake
    self._sslobj.do_handshake()
ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1000)

During handling of the above exception, another exception occurred:
requests.exceptions.SSLError: HTTPSConnectionPool(host='api.proseware.com', port=443): Max retries exceeded with url: /v3/rates (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1000)')))`,
  },
  {
    id: 'certchain-terse-1', corpus: 'bundled', kind: 'terse', set: 'dev', expect: T,
    note: 'user words, abbreviated',
    text: String.raw`curl 60 unable to get local issuer cert after renewing the cert on the F5, chrome is fine`,
  },
  {
    id: 'certchain-applog-1', corpus: 'bundled', kind: 'app-log', set: 'dev', expect: T,
    note: 'Node service JSON (pino) log lines; error entry between info lines',
    text: String.raw`{"level":30,"time":1755589442101,"pid":41,"hostname":"quotes-7c9f6d-x2kq","msg":"listening on :3000"}
{"level":30,"time":1755589450233,"pid":41,"hostname":"quotes-7c9f6d-x2kq","req":{"method":"GET","url":"/healthz"},"msg":"request completed","responseTime":2}
{"level":50,"time":1755589451907,"pid":41,"hostname":"quotes-7c9f6d-x2kq","err":{"type":"Error","message":"unable to verify the first certificate","code":"UNABLE_TO_VERIFY_LEAF_SIGNATURE","stack":"Error: unable to verify the first certificate\n    at TLSSocket.onConnectSecure (node:_tls_wrap:1674:34)\n    at TLSSocket.emit (node:events:519:28)"},"msg":"upstream call to https://rates.proseware.com/v3 failed"}
{"level":30,"time":1755589460233,"pid":41,"hostname":"quotes-7c9f6d-x2kq","req":{"method":"GET","url":"/healthz"},"msg":"request completed","responseTime":1}`,
  },
  {
    id: 'certchain-truncated-1', corpus: 'bundled', kind: 'truncated', set: 'holdout', expect: T,
    note: 'curl message cut',
    text: String.raw`curl: (60) SSL certificate problem: unable to get local iss`,
  },
  {
    id: 'certchain-browser-1', corpus: 'bundled', kind: 'browser', set: 'dev', expect: T,
    note: 'Chrome interstitial text plus "only some laptops"',
    text: String.raw`Your connection is not private
Attackers might be trying to steal your information from shop.proseware.com (for example, passwords, messages, or credit cards). Learn more
NET::ERR_CERT_AUTHORITY_INVALID

only on some laptops, most desktops open it fine. cert was renewed on the load balancer last night`,
  },

  // ---------------------------------------------------------------- ephemeral port exhaustion
  {
    id: 'ephemeral-event-1', corpus: 'bundled', kind: 'event-viewer', set: 'dev', expect: E,
    note: 'Tcpip 4231',
    text: String.raw`Log Name:      System
Source:        Tcpip
Date:          9/30/2025 1:17:52 PM
Event ID:      4231
Task Category: None
Level:         Error
Keywords:      Classic
User:          N/A
Computer:      API-GW-02.fabrikam.net
Description:
A request to allocate an ephemeral port number from the global TCP port space has failed due to all such ports being in use.`,
  },
  {
    id: 'ephemeral-event-2', corpus: 'bundled', kind: 'event-viewer', set: 'holdout', expect: E,
    note: 'Tcpip 4227',
    text: String.raw`Log Name:      System
Source:        Tcpip
Date:          9/30/2025 1:09:04 PM
Event ID:      4227
Task Category: None
Level:         Warning
Keywords:      Classic
User:          N/A
Computer:      API-GW-02.fabrikam.net
Description:
TCP/IP failed to establish an outgoing connection because the selected local endpoint was recently used to connect to the same remote endpoint. This error typically occurs when outgoing connections are opened and closed at a high rate, causing all available local ports to be used and forcing TCP/IP to reuse a local port for an outgoing connection. To minimize the risk of data corruption, the TCP/IP standard requires a minimum time period to elapse between successive connections from a given local endpoint to a given remote endpoint.`,
  },
  {
    id: 'ephemeral-stack-1', corpus: 'bundled', kind: 'stack-trace', set: 'dev', expect: E,
    note: '.NET SocketException 10055 from HttpClient',
    text: String.raw`System.Net.Http.HttpRequestException: An operation on a socket could not be performed because the system lacked sufficient buffer space or because a queue was full. (inventory.fabrikam.net:443)
 ---> System.Net.Sockets.SocketException (10055): An operation on a socket could not be performed because the system lacked sufficient buffer space or because a queue was full.
   at System.Net.Sockets.Socket.AwaitableSocketAsyncEventArgs.ThrowException(SocketError error, CancellationToken cancellationToken)
   at System.Net.Http.HttpConnectionPool.ConnectToTcpHostAsync(String host, Int32 port, HttpRequestMessage initialRequest, Boolean async, CancellationToken cancellationToken)
   --- End of inner exception stack trace ---
   at System.Net.Http.HttpClient.<SendAsync>g__Core|83_0(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)
   at Fabrikam.Gateway.InventoryProxy.GetStockAsync(String sku) in /src/Gateway/InventoryProxy.cs:line 42`,
  },
  {
    id: 'ephemeral-dbclient-1', corpus: 'bundled', kind: 'db-client', set: 'holdout', expect: E,
    note: 'SQL client error whose cause is the local port space (10048 text); competes with the SQL connection articles',
    text: String.raw`Microsoft.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server was not found or was not accessible. Verify that the instance name is correct and that SQL Server is configured to allow remote connections. (provider: TCP Provider, error: 0 - Only one usage of each socket address (protocol/network address/port) is normally permitted.)
 ---> System.ComponentModel.Win32Exception (10048): Only one usage of each socket address (protocol/network address/port) is normally permitted.
ClientConnectionId:00000000-0000-0000-0000-000000000000
Error Number:10048,State:0,Class:20`,
  },
  {
    id: 'ephemeral-terse-1', corpus: 'bundled', kind: 'terse', set: 'dev', expect: E,
    note: 'user words',
    text: String.raw`web server cant open outbound connections anymore, netstat shows ~16k TIME_WAIT to the db, inbound still ok. out of ports?`,
  },
  {
    id: 'ephemeral-applog-1', corpus: 'bundled', kind: 'app-log', set: 'dev', expect: E,
    note: 'Java on Windows: BindException "Address already in use: connect" in a busy log; hard (no Windows wording)',
    text: String.raw`2025-09-30 13:17:40.118 INFO  [exec-41] c.f.sync.Poller - polled 250 items from https://erp.fabrikam.net/api/items (412 ms)
2025-09-30 13:17:40.502 INFO  [exec-12] c.f.sync.Poller - polled 250 items from https://erp.fabrikam.net/api/items (398 ms)
2025-09-30 13:17:52.006 ERROR [exec-33] c.f.sync.Poller - poll failed
java.net.BindException: Address already in use: connect
	at java.base/sun.nio.ch.Net.connect0(Native Method)
	at java.base/sun.nio.ch.Net.connect(Net.java:579)
	at org.apache.http.impl.conn.DefaultHttpClientConnectionOperator.connect(DefaultHttpClientConnectionOperator.java:142)
2025-09-30 13:17:52.110 INFO  [exec-7] c.f.sync.Poller - polled 0 items (connect failed), next run in 1s
2025-09-30 13:17:53.009 INFO  [stats] c.f.sync.Stats - open sockets: 15872, new HttpClient instances last minute: 3620`,
  },
]
