// Pastes for the bundled articles (articles/*.md), part 1.
// Each case: { id, kind, set, note, expect, text }. Texts use String.raw so backslashes stay literal.
// Values (hosts, IPs, users, pools, pids, timestamps, counters) are invented and differ from the
// article text on purpose: real pastes carry real values where articles have placeholders.

import { Q, C, R, A, K, W, X, N } from './articles.mjs'

export default [
  // ---------------------------------------------------------------- httpsys-503-queuefull
  {
    id: 'queuefull-httperr-1', corpus: 'bundled', kind: 'iis-log', set: 'dev', expect: Q,
    note: 'HTTPERR export with #Fields header; QueueFull lines between idle-timer noise',
    text: String.raw`#Software: Microsoft HTTP API 2.0
#Version: 1.0
#Date: 2025-03-14 09:00:00
#Fields: date time c-ip c-port s-ip s-port cs-version cs-method cs-uri streamid sc-status s-siteid s-reason s-queuename
2025-03-14 09:11:58 10.40.7.22 50871 10.40.1.15 443 - - - - - - Timer_ConnectionIdle -
2025-03-14 09:12:44 203.0.113.45 51234 10.40.1.15 443 HTTP/1.1 GET /api/orders?page=2 - 503 3 QueueFull OrdersApi
2025-03-14 09:12:44 198.51.100.81 61022 10.40.1.15 443 HTTP/1.1 POST /api/orders/submit - 503 3 QueueFull OrdersApi
2025-03-14 09:12:45 203.0.113.9 49321 10.40.1.15 443 HTTP/1.1 GET /api/customers/88412 - 503 3 QueueFull OrdersApi
2025-03-14 09:12:47 10.40.7.22 50902 10.40.1.15 443 - - - - - - Timer_ConnectionIdle -
2025-03-14 09:12:49 198.51.100.14 58110 10.40.1.15 443 HTTP/2.0 GET /api/orders?page=1 1 503 3 QueueFull OrdersApi`,
  },
  {
    id: 'queuefull-terse-1', corpus: 'bundled', kind: 'terse', set: 'dev', expect: Q,
    note: 'hurried description with a typo (QueueFul); pool still running',
    text: String.raw`503s at peak, httperr says QueueFul, pool is still started`,
  },
  {
    id: 'queuefull-truncated-1', corpus: 'bundled', kind: 'truncated', set: 'holdout', expect: Q,
    note: 'single HTTPERR line cut inside the queue name',
    text: String.raw`2025-03-18 17:45:09 192.0.2.144 55810 10.12.0.8 80 HTTP/1.1 GET /shop/cart - 503 2 QueueFull ShopFro`,
  },
  {
    id: 'queuefull-applog-1', corpus: 'bundled', kind: 'app-log', set: 'dev', expect: Q,
    note: 'home-made monitoring script log: request queue counters climb, probe gets 503; no article wording',
    text: String.raw`2025-04-02 14:01:11,201 [7] INFO  QueueWatch - sample \\WEB07\HTTP Service Request Queues(claimsportal)\CurrentQueueSize=0
2025-04-02 14:02:11,204 [7] INFO  QueueWatch - sample \\WEB07\HTTP Service Request Queues(claimsportal)\CurrentQueueSize=3
2025-04-02 14:02:40,880 [12] INFO  LbProbe - GET http://web07/health -> 200 OK (2140 ms)
2025-04-02 14:03:11,209 [7] INFO  QueueWatch - sample \\WEB07\HTTP Service Request Queues(claimsportal)\CurrentQueueSize=417
2025-04-02 14:04:11,198 [7] WARN  QueueWatch - sample \\WEB07\HTTP Service Request Queues(claimsportal)\CurrentQueueSize=1000
2025-04-02 14:04:11,199 [7] ERROR QueueWatch - \\WEB07\HTTP Service Request Queues(claimsportal)\RejectedRequests +2381 in last 60s
2025-04-02 14:04:12,513 [12] INFO  LbProbe - GET http://web07/health -> 503 Service Unavailable (1 ms)
2025-04-02 14:04:14,007 [7] INFO  QueueWatch - w3wp.exe pid 6120 CPU 4% threads 312
2025-04-02 14:05:11,202 [7] INFO  QueueWatch - sample \\WEB07\HTTP Service Request Queues(claimsportal)\CurrentQueueSize=1000`,
  },
  {
    id: 'queuefull-browser-1', corpus: 'bundled', kind: 'browser', set: 'holdout', expect: Q,
    note: 'generic 503 page (shared with rapid-fail) plus the user\'s own words that separate the two: pool not stopped, load-related',
    text: String.raw`Service Unavailable

HTTP Error 503. The service is unavailable.

^ that's what our customers get every morning around 9 when traffic peaks. The app pool is NOT stopped (checked in IIS manager, it says Started) and after 10-15 min it goes away on its own. Pages that do load take ages.`,
  },

  // ---------------------------------------------------------------- iis-500-19-0x8007000d
  {
    id: 'config500-browser-1', corpus: 'bundled', kind: 'browser', set: 'dev', expect: C,
    note: 'full IIS 10 detailed error page as copied from the browser',
    text: String.raw`Internet Information Services 10.0 Detailed Error - 500.19 - Internal Server Error

HTTP Error 500.19 - Internal Server Error
The requested page cannot be accessed because the related configuration data for the page is invalid.

Most likely causes:
    IIS received the request; however, an internal error occurred during the processing of the request. The root cause of this error depends on which module handles the request and what was happening in the worker process when this error occurred.
    IIS was not able to access the web.config file for the Web site or application. This can occur if the NTFS permissions are set incorrectly.
    IIS was not able to process configuration for the Web site or application.
    The authenticated user does not have permission to use this DLL.
    The request is mapped to a managed handler but the .NET Extensibility Feature is not installed.

Things you can try:
    Ensure that the NTFS permissions for the web.config file are correct and allow access to the Web server's machine account.
    Check the event logs to see if any additional information was logged.
    Verify the permissions for the DLL.
    Install the .NET Extensibility feature if the request is mapped to a managed handler.
    Create a tracing rule to track failed requests for this HTTP status code.

Detailed Error Information:
Module       IIS Web Core
Notification BeginRequest
Handler      Not yet determined
Error Code   0x8007000d
Config Error
Config File  \\?\E:\inetpub\claims-api\web.config
Requested URL   https://claims.northwind.local:443/api/health
Physical Path   E:\inetpub\claims-api\api\health
Logon Method    Not yet determined
Logon User      Not yet determined

Config Source:
   -1:
    0:

More Information:
This error occurs when there is a problem reading the configuration file for the Web server or Web application. In some cases, the event logs may contain more information about what caused this error.
View more information »`,
  },
  {
    id: 'config500-browser-2', corpus: 'bundled', kind: 'browser', set: 'dev', expect: C,
    note: 'IIS 7.5 style page, malformed XML variant: Config Error text and a config source line instead of -1: 0:',
    text: String.raw`Server Error in Application "DEFAULT WEB SITE/TIMESHEETS"
Internet Information Services 7.5

Error Summary
HTTP Error 500.19 - Internal Server Error
The requested page cannot be accessed because the related configuration data for the page is invalid.

Detailed Error Information
Module IIS Web Core
Notification BeginRequest
Handler Not yet determined
Error Code 0x8007000d
Config Error Configuration file is not well-formed XML
Config File \\?\C:\inetpub\wwwroot\timesheets\web.config
Requested URL http://hr-app-03:80/timesheets/
Physical Path C:\inetpub\wwwroot\timesheets\
Logon Method Not yet determined
Logon User Not yet determined

Config Source
   41:     </appSettings>
   42:     <add key="ReportPath" value="\\fs02\reports" />
   43:   <system.webServer>`,
  },
  {
    id: 'config500-iislog-1', corpus: 'bundled', kind: 'iis-log', set: 'holdout', expect: C,
    note: 'W3C log only: 500 19 13 (win32 13 = ERROR_INVALID_DATA = 0x8007000d) for every URL incl. static files; hard: no text',
    text: String.raw`#Software: Microsoft Internet Information Services 10.0
#Version: 1.0
#Date: 2025-05-20 10:00:00
#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken
2025-05-20 10:14:20 10.8.2.31 GET /claims/api/health - 443 - 10.8.0.12 curl/8.4.0 - 500 19 13 1
2025-05-20 10:14:26 10.8.2.31 GET / - 443 - 10.8.5.77 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36 - 500 19 13 0
2025-05-20 10:14:26 10.8.2.31 GET /favicon.ico - 443 - 10.8.5.77 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36 https://web-new-03/ 500 19 13 0
2025-05-20 10:14:31 10.8.2.31 GET /css/site.min.css - 443 - 10.8.5.77 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36 https://web-new-03/ 500 19 13 0`,
  },
  {
    id: 'config500-terse-1', corpus: 'bundled', kind: 'terse', set: 'dev', expect: C,
    note: 'a few words with the code',
    text: String.raw`500.19 0x8007000d right after deploying to the new box, works on my machine`,
  },
  {
    id: 'config500-terse-2', corpus: 'bundled', kind: 'terse', set: 'holdout', expect: C,
    note: 'paraphrase without the HRESULT; mentions the rewrite section',
    text: String.raw`iis 500.19 "config data for the page is invalid" on new server - is it the url rewrite module missing??`,
  },
  {
    id: 'config500-truncated-1', corpus: 'bundled', kind: 'truncated', set: 'dev', expect: C,
    note: 'error page headline cut mid-sentence, no error code',
    text: String.raw`HTTP Error 500.19 - Internal Server Error The requested page cannot be accessed because the related configuration data for the pa`,
  },
  {
    id: 'config500-applog-1', corpus: 'bundled', kind: 'app-log', set: 'holdout', expect: C,
    note: 'deployment pipeline log; the smoke test error line carries the 500.19 body',
    text: String.raw`2025-05-20T10:13:58.771Z [INFO ] [deploy#41] Stopping site claims on WEB-NEW-03
2025-05-20T10:14:02.118Z [INFO ] [deploy#41] Publishing package claims-api.2.14.0.zip to WEB-NEW-03
2025-05-20T10:14:19.402Z [INFO ] [deploy#41] msdeploy finished: 412 files updated, 0 deleted
2025-05-20T10:14:19.950Z [INFO ] [deploy#41] Starting site claims on WEB-NEW-03
2025-05-20T10:14:20.007Z [INFO ] [smoke#7] GET https://web-new-03/claims/api/health
2025-05-20T10:14:20.095Z [ERROR] [smoke#7] Smoke test failed: status 500, body: "HTTP Error 500.19 - Internal Server Error ... Module IIS Web Core ... Error Code 0x8007000d ... Config File \\?\D:\sites\claims\web.config"
2025-05-20T10:14:20.096Z [WARN ] [deploy#41] Rolling back WEB-NEW-03 to claims-api.2.13.2
2025-05-20T10:14:41.310Z [INFO ] [deploy#41] Rollback complete`,
  },

  // ---------------------------------------------------------------- iis-503-rapid-fail
  {
    id: 'rapidfail-event-1', corpus: 'bundled', kind: 'event-viewer', set: 'dev', expect: R,
    note: 'WAS 5002 event copied from Event Viewer (details pane)',
    text: String.raw`Log Name:      System
Source:        Microsoft-Windows-WAS
Date:          3/9/2025 2:41:07 AM
Event ID:      5002
Task Category: None
Level:         Error
Keywords:      Classic
User:          N/A
Computer:      WEBPRD-02.corp.fabrikam.com
Description:
Application pool 'PayrollPool' is being automatically disabled due to a series of failures in the process(es) serving that application pool.`,
  },
  {
    id: 'rapidfail-event-2', corpus: 'bundled', kind: 'event-viewer', set: 'holdout', expect: R,
    note: 'Event Viewer "Save filtered log as CSV": 5021 identity warning then 5002',
    text: String.raw`Level,Date and Time,Source,Event ID,Task Category
Error,11/4/2025 10:02:41 PM,Microsoft-Windows-WAS,5002,None,"Application pool 'ExtranetAppPool' is being automatically disabled due to a series of failures in the process(es) serving that application pool."
Warning,11/4/2025 10:02:41 PM,Microsoft-Windows-WAS,5021,None,"The identity of application pool ExtranetAppPool is invalid. The user name or password that is specified for the identity may be incorrect, or the user may not have batch logon rights. If the identity is not corrected, the application pool will be disabled when the application pool receives its first request.  If batch logon rights are causing the problem, the identity in the IIS configuration store must be changed after rights have been granted before Windows Process Activation Service (WAS) can retry the logon. If the identity remains invalid after the first request for the application pool is processed, the application pool will be disabled. The data field contains the error number."
Information,11/4/2025 10:01:12 PM,Service Control Manager,7036,None,"The Windows Process Activation Service service entered the running state."`,
  },
  {
    id: 'rapidfail-httperr-1', corpus: 'bundled', kind: 'iis-log', set: 'holdout', expect: R,
    note: 'HTTPERR lines with AppOffline',
    text: String.raw`#Software: Microsoft HTTP API 2.0
#Version: 1.0
#Date: 2025-07-01 06:00:00
#Fields: date time c-ip c-port s-ip s-port cs-version cs-method cs-uri streamid sc-status s-siteid s-reason s-queuename
2025-07-01 06:02:13 172.16.40.11 52311 172.16.8.20 80 HTTP/1.1 GET /intranet/home.aspx - 503 4 AppOffline IntranetPool
2025-07-01 06:02:14 172.16.40.63 52990 172.16.8.20 80 HTTP/1.1 GET /intranet/news.aspx - 503 4 AppOffline IntranetPool
2025-07-01 06:02:19 172.16.41.5 61777 172.16.8.20 80 HTTP/1.1 GET /favicon.ico - 503 4 AppOffline IntranetPool`,
  },
  {
    id: 'rapidfail-terse-1', corpus: 'bundled', kind: 'terse', set: 'dev', expect: R,
    note: 'user words only',
    text: String.raw`app pool keeps stopping by itself every few mins -> 503 service unavailable`,
  },
  {
    id: 'rapidfail-truncated-1', corpus: 'bundled', kind: 'truncated', set: 'dev', expect: R,
    note: '5002 text cut mid-word',
    text: String.raw`Application pool 'Intranet_v4' is being automatically disabled due to a series of fail`,
  },
  {
    id: 'rapidfail-browser-1', corpus: 'bundled', kind: 'browser', set: 'dev', expect: R,
    note: 'generic 503 page plus the user noticing the stopped pool',
    text: String.raw`Service Unavailable
HTTP Error 503. The service is unavailable.

whole site is down with this. In IIS manager the pool shows Stopped, I start it, a minute later it's stopped again. nobody touched it`,
  },

  // ---------------------------------------------------------------- iis-arr-502-3
  {
    id: 'arr5023-browser-1', corpus: 'bundled', kind: 'browser', set: 'dev', expect: A,
    note: 'detailed 502.3 page from the ARR server',
    text: String.raw`HTTP Error 502.3 - Bad Gateway
The operation timed out

Most likely causes:
    The CGI application did not return a valid set of HTTP errors.
    A server acting as a proxy or gateway was unable to process the request due to an error in a parent gateway.

Things you can try:
    Use DebugDiag to troubleshoot the CGI application.
    Determine if a proxy or gateway is responsible for this error.

Detailed Error Information:
Module       ApplicationRequestRouting
Notification ExecuteRequestHandler
Handler      ApplicationRequestRoutingHandler
Error Code   0x80072ee2
Requested URL   https://portal.adventure-works.com:443/reports/export?fy=2024
Physical Path   C:\inetpub\wwwroot\reports\export
Logon Method    Anonymous
Logon User      Anonymous`,
  },
  {
    id: 'arr5023-iislog-1', corpus: 'bundled', kind: 'iis-log', set: 'dev', expect: A,
    note: 'W3C log on the ARR box: 502 3 12002 with ~30 s time-taken, short requests fine',
    text: String.raw`#Software: Microsoft Internet Information Services 10.0
#Version: 1.0
#Date: 2025-02-17 00:00:02
#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken
2025-02-17 13:20:01 10.1.2.10 GET /reports/list - 443 - 10.9.14.3 Mozilla/5.0+(Windows+NT+10.0) 200 0 0 187
2025-02-17 13:20:09 10.1.2.10 POST /reports/export fy=2024&fmt=xlsx 443 - 10.9.14.3 Mozilla/5.0+(Windows+NT+10.0) 502 3 12002 30016
2025-02-17 13:20:44 10.1.2.10 GET /reports/status/7781 - 443 - 10.9.14.3 Mozilla/5.0+(Windows+NT+10.0) 200 0 0 15
2025-02-17 13:21:17 10.1.2.10 POST /reports/export fy=2023&fmt=pdf 443 - 10.9.22.41 Mozilla/5.0+(Windows+NT+10.0) 502 3 12002 30002`,
  },
  {
    id: 'arr5023-terse-1', corpus: 'bundled', kind: 'terse', set: 'holdout', expect: A,
    note: 'paraphrase, no error code',
    text: String.raw`ARR reverse proxy gives 502.3 bad gateway on long exports after ~30 sec, backend finishes them fine`,
  },
  {
    id: 'arr5023-truncated-1', corpus: 'bundled', kind: 'truncated', set: 'dev', expect: A,
    note: 'flattened page text cut inside the error code',
    text: String.raw`HTTP Error 502.3 - Bad Gateway The operation timed out Detailed Error Information: Module ApplicationRequestRouting Notification ExecuteRequestHandler Handler ApplicationRequestRoutingHandler Error Code 0x80072e`,
  },
  {
    id: 'arr5023-applog-1', corpus: 'bundled', kind: 'app-log', set: 'holdout', expect: A,
    note: 'calling service log; the ERROR line quotes the proxy error body in the middle of INFO chatter',
    text: String.raw`2025-02-17 13:19:55.402 INFO  [pool-4-thread-2] c.a.reports.ExportJob - job 8812 started (fy=2024, fmt=xlsx, rows~1.2M)
2025-02-17 13:19:55.410 INFO  [pool-4-thread-2] c.a.reports.PortalClient - POST https://portal.adventure-works.com/reports/export
2025-02-17 13:20:01.003 INFO  [scheduler-1] c.a.reports.Heartbeat - alive, 3 jobs queued
2025-02-17 13:20:25.447 ERROR [pool-4-thread-2] c.a.reports.PortalClient - export failed after 30037 ms: HTTP 502 Bad Gateway; body: <h3>HTTP Error 502.3 - Bad Gateway</h3><h4>The operation timed out</h4> ... Error Code 0x80072ee2
2025-02-17 13:20:25.448 INFO  [pool-4-thread-2] c.a.reports.ExportJob - job 8812 marked FAILED, will not retry
2025-02-17 13:20:31.003 INFO  [scheduler-1] c.a.reports.Heartbeat - alive, 2 jobs queued`,
  },

  // ---------------------------------------------------------------- kerberos KRB_AP_ERR_MODIFIED
  {
    id: 'kerberos-event-1', corpus: 'bundled', kind: 'event-viewer', set: 'dev', expect: K,
    note: 'Security-Kerberos event 4 from a client, full real description text',
    text: String.raw`Log Name:      System
Source:        Microsoft-Windows-Security-Kerberos
Date:          6/17/2025 8:14:33 AM
Event ID:      4
Task Category: None
Level:         Error
Keywords:      Classic
User:          N/A
Computer:      LT-0457.corp.tailspin.net
Description:
The Kerberos client received a KRB_AP_ERR_MODIFIED error from the server svc-intranet-web. The target name used was HTTP/intranet.corp.tailspin.net. This indicates that the target server failed to decrypt the ticket provided by the client. This can occur when the target server principal name (SPN) is registered on an account other than the account the target service is using. Ensure that the target SPN is only registered on the account used by the server. This error can also happen if the target service account password is different than what is configured on the Kerberos Key Distribution Center for that target service. Ensure that the service on the server and the KDC are both configured to use the same password. If the server name is not fully qualified, and the target domain (CORP.TAILSPIN.NET) is different from the client domain (CORP.TAILSPIN.NET), check if there are identically named server accounts in these two domains, or use the fully-qualified name to identify the server.`,
  },
  {
    id: 'kerberos-iislog-1', corpus: 'bundled', kind: 'iis-log', set: 'holdout', expect: K,
    note: 'W3C log: 401 2 then 401 1 with SEC_E_LOGON_DENIED win32 status, repeated; no text',
    text: String.raw`#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken
2025-06-17 08:14:33 10.60.4.21 GET /hr/default.aspx - 443 - 10.60.88.140 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+Edg/125.0 401 2 5 0
2025-06-17 08:14:33 10.60.4.21 GET /hr/default.aspx - 443 - 10.60.88.140 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+Edg/125.0 401 1 2148074252 15
2025-06-17 08:14:34 10.60.4.21 GET /hr/default.aspx - 443 - 10.60.88.140 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+Edg/125.0 401 2 5 0
2025-06-17 08:14:34 10.60.4.21 GET /hr/default.aspx - 443 - 10.60.88.140 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+Edg/125.0 401 1 2148074252 0`,
  },
  {
    id: 'kerberos-terse-1', corpus: 'bundled', kind: 'terse', set: 'dev', expect: K,
    note: 'user words; typo "promting"',
    text: String.raw`intranet site keeps promting for password since we moved the app pool to a service account, works with http://servername but not the alias`,
  },
  {
    id: 'kerberos-browser-1', corpus: 'bundled', kind: 'browser', set: 'dev', expect: K,
    note: '401.1 detailed page plus a note about the alias',
    text: String.raw`HTTP Error 401.1 - Unauthorized
You do not have permission to view this directory or page using the credentials that you supplied.

Most likely causes:
    The username supplied to IIS is invalid.
    The password supplied to IIS was not typed correctly.
    Incorrect credentials were cached by the browser.

Detailed Error Information:
Module       WindowsAuthenticationModule
Notification AuthenticateRequest
Handler      ExtensionlessUrlHandler-Integrated-4.0
Error Code   0xc000006d
Requested URL   https://hr.wingtiptoys.local:443/
Physical Path   D:\web\hr
Logon Method    Not yet determined
Logon User      Not yet determined

(only through the hr.wingtiptoys.local name behind the F5, https://wtt-web02/ works without a prompt)`,
  },
  {
    id: 'kerberos-truncated-1', corpus: 'bundled', kind: 'truncated', set: 'holdout', expect: K,
    note: 'event text cut inside the target name',
    text: String.raw`The Kerberos client received a KRB_AP_ERR_MODIFIED error from the server WEBFARM-SVC$. The target name used was HTTP/portal.ad.wingtip`,
  },

  // ---------------------------------------------------------------- w3wp crash 5011 / 5009
  {
    id: 'w3wpcrash-event-1', corpus: 'bundled', kind: 'event-viewer', set: 'dev', expect: W,
    note: 'Application Error 1000 for w3wp.exe, stack overflow code',
    text: String.raw`Log Name:      Application
Source:        Application Error
Date:          2/11/2025 4:47:19 PM
Event ID:      1000
Task Category: (100)
Level:         Error
Keywords:      Classic
User:          N/A
Computer:      IIS-APP-11
Description:
Faulting application name: w3wp.exe, version: 10.0.17763.1, time stamp: 0xcd7c9d5e
Faulting module name: clr.dll, version: 4.8.4645.0, time stamp: 0x63e2b2c3
Exception code: 0xc00000fd
Fault offset: 0x0000000000175c2e
Faulting process id: 0x1e4c
Faulting application start time: 0x01db7cb0f1c2a9d1
Faulting application path: c:\windows\system32\inetsrv\w3wp.exe
Faulting module path: C:\Windows\Microsoft.NET\Framework64\v4.0.30319\clr.dll
Report Id: 5b1c0e7a-9d33-4f1e-a0a2-7c1d98e34b10
Faulting package full name:
Faulting package-relative application ID:`,
  },
  {
    id: 'w3wpcrash-event-2', corpus: 'bundled', kind: 'event-viewer', set: 'holdout', expect: W,
    note: 'WAS 5011 with real pool name and pid',
    text: String.raw`Log Name:      System
Source:        Microsoft-Windows-WAS
Date:          8/22/2025 11:03:52 AM
Event ID:      5011
Task Category: None
Level:         Warning
Keywords:      Classic
User:          N/A
Computer:      B2B-WEB-01.partners.local
Description:
A process serving application pool 'B2BPortal' suffered a fatal communication error with the Windows Process Activation Service. The process id was '7716'. The data field contains the error number.`,
  },
  {
    id: 'w3wpcrash-stack-1', corpus: 'bundled', kind: 'stack-trace', set: 'dev', expect: W,
    note: '.NET Runtime 1026 body: unhandled exception on a timer thread kills w3wp',
    text: String.raw`Application: w3wp.exe
Framework Version: v4.0.30319
Description: The process was terminated due to an unhandled exception.
Exception Info: System.NullReferenceException
   at Contoso.Billing.InvoiceCache.Refresh(System.Object)
   at System.Threading.TimerQueueTimer.CallCallbackInContext(System.Object)
   at System.Threading.ExecutionContext.RunInternal(System.Threading.ExecutionContext, System.Threading.ContextCallback, System.Object, Boolean)
   at System.Threading.ExecutionContext.Run(System.Threading.ExecutionContext, System.Threading.ContextCallback, System.Object, Boolean)
   at System.Threading.TimerQueueTimer.CallCallback()
   at System.Threading.TimerQueueTimer.Fire()
   at System.Threading.TimerQueue.FireNextTimers()`,
  },
  {
    id: 'w3wpcrash-terse-1', corpus: 'bundled', kind: 'terse', set: 'dev', expect: W,
    note: 'user words with one event id',
    text: String.raw`w3wp crashing randomly, users lose their session/cart, event 5011 in system log`,
  },
  {
    id: 'w3wpcrash-truncated-1', corpus: 'bundled', kind: 'truncated', set: 'holdout', expect: W,
    note: '5009 text cut inside the exit code',
    text: String.raw`A process serving application pool 'ShopFrontV2' terminated unexpectedly. The process id was '9132'. The process exit code was '0xe0434`,
  },

  // ---------------------------------------------------------------- iis5.1 bmnet.dll
  {
    id: 'bmnet-iislog-1', corpus: 'bundled', kind: 'iis-log', set: 'dev', expect: X,
    note: 'IIS 5.1 W3SVC log: static files alternate 200 / 403 / 500 6',
    text: String.raw`#Software: Microsoft Internet Information Services 5.1
#Version: 1.0
#Date: 2008-10-07 14:02:31
#Fields: time c-ip cs-method cs-uri-stem sc-status sc-win32-status
14:02:31 127.0.0.1 GET /timesheet/default.asp 200 0
14:02:31 127.0.0.1 GET /timesheet/css/site.css 403 0
14:02:32 127.0.0.1 GET /timesheet/img/logo.gif 500 6
14:02:32 127.0.0.1 GET /timesheet/js/menu.js 200 0
14:02:40 127.0.0.1 GET /timesheet/default.asp 200 0
14:02:40 127.0.0.1 GET /timesheet/css/site.css 200 0
14:02:41 127.0.0.1 GET /timesheet/img/logo.gif 200 0
14:02:41 127.0.0.1 GET /timesheet/js/menu.js 500 6`,
  },
  {
    id: 'bmnet-iislog-2', corpus: 'bundled', kind: 'iis-log', set: 'dev', expect: X,
    note: 'extended W3C fields on XP; user note names the 3G software',
    text: String.raw`#Software: Microsoft Internet Information Services 5.1
#Version: 1.0
#Date: 2009-01-19 09:40:12
#Fields: date time c-ip cs-username s-port cs-method cs-uri-stem cs-uri-query sc-status sc-win32-status cs(User-Agent)
2009-01-19 09:40:12 192.168.1.34 - 80 GET /crm/images/btn_save.png - 500 6 Mozilla/4.0+(compatible;+MSIE+7.0;+Windows+NT+5.1)
2009-01-19 09:40:12 192.168.1.34 - 80 GET /crm/styles/main.css - 403 0 Mozilla/4.0+(compatible;+MSIE+7.0;+Windows+NT+5.1)
2009-01-19 09:40:13 192.168.1.34 - 80 GET /crm/scripts/grid.js - 500 6 Mozilla/4.0+(compatible;+MSIE+7.0;+Windows+NT+5.1)
started after I installed the Vodafone Mobile Connect card software on this laptop`,
  },
  {
    id: 'bmnet-terse-1', corpus: 'bundled', kind: 'terse', set: 'dev', expect: X,
    note: 'user words only, no codes',
    text: String.raw`local iis on xp - random images/css missing, 403 then 500, since installing the 3G modem software`,
  },
  {
    id: 'bmnet-truncated-1', corpus: 'bundled', kind: 'truncated', set: 'dev', expect: X,
    note: 'user\'s note cut off while quoting the Win32 message',
    text: String.raw`static files on my XP dev box fail with sc-win32-status 6, net helpmsg 6 says "The handle is inv`,
  },
  {
    id: 'bmnet-browser-1', corpus: 'bundled', kind: 'browser', set: 'holdout', expect: X,
    note: 'IE 6 "not authorized" page, then the user\'s description',
    text: String.raw`You are not authorized to view this page
You might not have permission to view this directory or page using the credentials you supplied.
Please try the following:
    Click the Refresh button to try again with different credentials.
    If you believe you should be able to view this directory or page, please contact the Web site administrator by using the e-mail address or phone number listed on the localhost home page.
HTTP 403 - Forbidden
Internet Information Services

It's http://localhost/ on XP pro. different .gif and .css files each refresh, after a while they come back as 500 instead. also weird files with the same names keep showing up in the root of C:`,
  },

  // ---------------------------------------------------------------- iis6 connections refused
  {
    id: 'connrefused-httperr-1', corpus: 'bundled', kind: 'iis-log', set: 'dev', expect: N,
    note: 'IIS 6 HTTPERR with N_Connections_Refused (counters differ from the article) among timer lines',
    text: String.raw`#Software: Microsoft HTTP API 1.0
#Version: 1.0
#Date: 2010-11-03 06:00:00
#Fields: date time c-ip c-port s-ip s-port cs-version cs-method cs-uri sc-status s-siteid s-reason s-queuename
2010-11-03 06:12:51 10.0.12.77 3310 10.0.1.40 80 HTTP/1.1 GET /owa/ - 1 Timer_ConnectionIdle -
2010-11-03 06:40:02 - - - - - - - - - 3_Connections_Refused -
2010-11-03 06:45:02 - - - - - - - - - 11_Connections_Refused -
2010-11-03 06:50:03 - - - - - - - - - 42_Connections_Refused -
2010-11-03 06:51:17 10.0.12.90 4127 10.0.1.40 80 HTTP/1.1 POST /intranet/search.aspx - 1 Timer_EntityBody DefaultAppPool`,
  },
  {
    id: 'connrefused-event-1', corpus: 'bundled', kind: 'event-viewer', set: 'holdout', expect: N,
    note: 'Windows 2003 style event export: Srv 2019 nonpaged pool empty',
    text: String.raw`Event Type:	Error
Event Source:	Srv
Event Category:	None
Event ID:	2019
Date:		11/3/2010
Time:		6:38:44 AM
User:		N/A
Computer:	INTRAWEB01
Description:
The server was unable to allocate from the system nonpaged pool because the pool was empty.

For more information, see Help and Support Center at http://go.microsoft.com/fwlink/events.asp.
Data:
0000: 00 00 04 00 01 00 54 00   ......T.
0008: 00 00 00 00 e3 07 00 c0   ....ã..À`,
  },
  {
    id: 'connrefused-terse-1', corpus: 'bundled', kind: 'terse', set: 'dev', expect: N,
    note: 'user words; reason name in passing',
    text: String.raw`iis6 stops responding every couple of days, only reboot fixes it, httperr full of connections_refused`,
  },
  {
    id: 'connrefused-truncated-1', corpus: 'bundled', kind: 'truncated', set: 'dev', expect: N,
    note: 'HTTPERR line cut inside the reason',
    text: String.raw`2011-06-02 04:17:33 - - - - - - - - - 12_Connections_Ref`,
  },
  {
    id: 'connrefused-applog-1', corpus: 'bundled', kind: 'app-log', set: 'holdout', expect: N,
    note: 'monitoring agent log: nonpaged pool counter climbing, then site probes fail; no HTTPERR text',
    text: String.raw`2010-11-01 00:00:05,118 [3] INFO  PerfCollector - \\INTRAWEB01\Memory\Pool Nonpaged Bytes = 98,402,304
2010-11-02 00:00:05,121 [3] INFO  PerfCollector - \\INTRAWEB01\Memory\Pool Nonpaged Bytes = 141,770,752
2010-11-03 00:00:05,097 [3] INFO  PerfCollector - \\INTRAWEB01\Memory\Pool Nonpaged Bytes = 243,118,080
2010-11-03 06:40:07,602 [9] ERROR SiteProbe - http://intraweb01/ connect failed: connection refused (attempt 1/3)
2010-11-03 06:40:17,611 [9] ERROR SiteProbe - http://intraweb01/ connect failed: connection refused (attempt 3/3)
2010-11-03 06:40:17,612 [9] INFO  SiteProbe - ping intraweb01 ok (1 ms), RDP port 3389 open
2010-11-03 06:41:05,101 [3] INFO  PerfCollector - \\INTRAWEB01\Memory\Pool Nonpaged Bytes = 256,909,312`,
  },
  {
    id: 'connrefused-browser-1', corpus: 'bundled', kind: 'browser', set: 'dev', expect: N,
    note: 'IE "page cannot be displayed" plus user context (Win2003, ping works)',
    text: String.raw`The page cannot be displayed
The page you are looking for is currently unavailable. The Web site might be experiencing technical difficulties, or you may need to adjust your browser settings.
Cannot find server or DNS Error
Internet Explorer

this is our IIS 6 / Windows 2003 box. server still answers ping and I can RDP in, but no site responds until we reboot, happens every 4-5 days`,
  },
]
