// More pastes for the mslearn-iis corpus (MicrosoftDocs/SupportArticles-docs, IIS folder), asked
// against a KB built from that corpus alone: problems told in the user's own words (`described`),
// GUI dialogs, terminal output, browser pages, event log entries, plus negatives for that KB
// (near-misses from IIS and ASP.NET whose problem the corpus lacks, and products it does not cover).
// expect = importer id: file base name without .md, lowercased, non-[a-z0-9] runs as '-'.
// Hosts, users, paths, ids and times are invented; only the error strings are the product's.

const neg = (c) => ({ kind: 'negative', expect: null, ...c })

const cases = [
  // ================================================================ described (own words)
  {
    id: 'iis40314-described-1', kind: 'described', set: 'dev', expect: 'http-403-14-forbidden-webpage',
    note: 'own words: new site root answers 403.14, no default page configured',
    text: String.raw`made a new site in IIS for our static docs, browsing to the root gives 403.14 forbidden, something about not listing the directory. the start page is called start.htm, going to /start.htm directly works`,
  },
  {
    id: 'iiskeyset-described-1', kind: 'described', set: 'holdout', expect: '0x80090016-change-application-pool-identity',
    note: 'own words: setting a custom pool identity fails with "keyset"; misremembers the wording',
    text: String.raw`When I try to set a custom identity (domain svc account) on an app pool in IIS Manager I get an error about the keyset not existing. Other servers in the farm take the same account fine.`,
  },
  {
    id: 'iisftp530-described-1', kind: 'described', set: 'dev', expect: 'error-530-anonymous-ftp-sites',
    note: 'own words: anonymous FTP login refused with 530 after enabling user isolation',
    text: String.raw`anonymous ftp on our IIS box stopped working after I turned on user isolation. filezilla shows 530 user cannot log in, home directory lookup failed. authenticated users still get in`,
  },
  {
    id: 'iisbinarywrite-described-1', kind: 'described', set: 'holdout', expect: 'http-500-response-binarywrite',
    note: 'own words: classic ASP download page fails for big files; "buffer limit"',
    text: String.raw`old classic asp page that streams PDFs with Response.BinaryWrite works for small files but anything over ~4mb gives a 500 and the buffer limit exceeded message. moved from IIS 6 to 2019 last week`,
  },
  {
    id: 'iis400kerb-described-1', kind: 'described', set: 'dev', expect: 'http-bad-request-response-kerberos',
    note: 'own words: header too long for users in many AD groups (the CLM article has the same cause for one product)',
    text: String.raw`some of our staff get "Bad Request - header too long" (HTTP 400) on the intranet, always the same people, and they're the ones who are members of loads of AD groups. windows auth / kerberos. everyone else is fine`,
  },
  {
    id: 'iisftpauthz-described-1', kind: 'described', set: 'holdout', expect: 'ftp-authorization-rules-not-inherited',
    note: 'own words: FTP write rule on a subfolder ignored with user isolation',
    text: String.raw`IIS ftp site with user isolation. I gave all users read+write on an Upload subfolder under each user's home in FTP Authorization Rules but uploads still fail with access denied (550). Read works`,
  },
  {
    id: 'iispfx-described-1', kind: 'described', set: 'dev', expect: 'cannot-import-ssl-pfx-local-certificate',
    note: 'own words: pfx import fails although the password is right',
    text: String.raw`Can't import our wildcard .pfx in IIS manager, it says wrong password or the cert has expired. Password is definitely right and the cert is valid till 2027. Same pfx imports fine on my PC`,
  },
  {
    id: 'iiscsr-described-1', kind: 'described', set: 'holdout', expect: 'failed-generate-certificate-request',
    note: 'own words: Create Certificate Request ends with access denied',
    text: String.raw`creating a CSR in IIS (Server Certificates > Create Certificate Request) fails at the end: failed to generate the certificate request, access is denied. i'm a local admin on the box`,
  },
  {
    id: 'iissslbind-described-1', kind: 'described', set: 'dev', expect: 'https-connections-fail-ssl-bindings-deleted',
    note: 'own words: https binding disappears now and then; http still fine',
    text: String.raw`every couple of weeks https on one site just stops, browsers complain about the cert, and when I look in IIS the SSL binding is gone or has no certificate anymore. http keeps working. there's an HttpEvent warning in the system log when it happens`,
  },
  {
    id: 'iisvhd-described-1', kind: 'described', set: 'holdout', expect: 'stale-content-when-content-store-vhd',
    note: 'own words: old files served after update; content on a mounted VHD',
    text: String.raw`we keep the site content on a mounted vhd. after we copy new images/css over, IIS keeps serving the old versions until the app pool is recycled. on the servers with content on C: it doesn't happen`,
  },
  {
    id: 'iis0byte-described-1', kind: 'described', set: 'dev', expect: '0-byte-file-compression-enabled',
    note: 'own words: empty responses for some static files with compression on',
    text: String.raw`Now and then IIS returns a 0 byte response for css/js files (200 but empty body). Only when static compression is on. We also have a new AV agent on the web servers since last month.`,
  },
  {
    id: 'iiswpmem-described-1', kind: 'described', set: 'holdout', expect: 'work-process-takes-much-memory',
    note: 'own words: w3wp memory jumps with a deep folder tree and many unique URLs',
    text: String.raw`w3wp.exe suddenly grows by several GB of memory. the site has a very deep folder tree (tens of thousands of subfolders, one per customer) and crawlers hit lots of unique urls. no leak in our code as far as we can tell`,
  },
  {
    id: 'iisnuma-described-1', kind: 'described', set: 'dev', expect: 'processor-affinity-not-work',
    note: 'own words: smp affinity mask ignored on a NUMA server',
    text: String.raw`set smpAffinitized=true and an affinity mask for 4 cores on one app pool, but task manager shows w3wp still running on all 64 cores. server 2016 / IIS 10 on a 2-socket box`,
  },
  {
    id: 'iispscmdlet-described-1', kind: 'described', set: 'dev', expect: 'administration-cmdlets-slow',
    note: 'own words: WebAdministration cmdlets slow after a PowerShell upgrade',
    text: String.raw`our provisioning script that calls New-WebApplication for ~300 apps went from 5 min to over an hour after WMF 4 was installed on the 2008 R2 web servers. same script on 2012 R2 is quick`,
  },
  {
    id: 'iislogdots-described-1', kind: 'described', set: 'dev', expect: 'iis-logs-contain-dots',
    note: 'own words: "..." instead of the cookie value in W3C logs',
    text: String.raw`in our IIS W3C logs the cs(Cookie) column sometimes just contains "..." instead of the cookie. it's the requests from users with huge cookies. we need the value for a session audit`,
  },
  {
    id: 'iishidden-described-1', kind: 'described', set: 'holdout', expect: 'hidden-static-files-http-404-access-denied',
    note: 'own words: files with the hidden attribute give 404 while .asp pages work',
    text: String.raw`after restoring the site from a backup some images and .htm files return 404 (or access denied) but .asp pages in the same folder are fine. turns out those files have the Hidden attribute set in explorer`,
  },
  {
    id: 'iisauditfull-described-1', kind: 'described', set: 'dev', expect: 'users-cannot-access-web-sites-when-log-full',
    note: 'own words: CrashOnAuditFail, security log full, non-admins get 500/401.1',
    text: String.raw`after the server bluescreened, only admins can use our IIS sites, everyone else gets http 500 or 401.1 access denied. security event log is full and the CrashOnAuditFail policy is set by our hardening GPO`,
  },
  {
    id: 'iissitedelete-described-1', kind: 'described', set: 'holdout', expect: 'information-associated-iis-site-is-not-deleted',
    note: 'own words: recreated site (same id) inherits old metadata and answers 503',
    text: String.raw`we delete and recreate sites with appcmd in our deploy script. the recreated site gets the same ID as the old one and then just returns 503 service unavailable, even though the pool is running`,
  },

  // ================================================================ dialogs
  {
    id: 'iis32bithandler-dialog-1', kind: 'dialog', set: 'dev', expect: 'error-when-you-configure-32-bit-handlers',
    note: 'IIS Manager message box on Add Managed Handler',
    text: String.raw`Add Managed Handler
---------------------------
There was an error while performing this operation.

Details:

This method cannot be called during the application's pre-start initialization phase.
---------------------------
OK`,
  },
  {
    id: 'iiscertinstall-dialog-1', kind: 'dialog', set: 'holdout', expect: 'error-install-certificate',
    note: 'IIS Manager "Complete Certificate Request" with a .p7b file',
    text: String.raw`Complete Certificate Request
---------------------------
There was an error while performing this operation.

Details:

CertEnroll::CX509Enrollment::p_InstallResponse: ASN1 bad tag value met. 0x8009310b (ASN: 267)
---------------------------
OK

(file was intranet-2026.p7b from our CA)`,
  },
  {
    id: 'iisexportdfs-dialog-1', kind: 'dialog', set: 'dev', expect: 'configuration-files-cannot-exported',
    note: 'IIS Manager Export Configuration to a DFS path',
    text: String.raw`Export Configuration
---------------------------
Cannot write to the specified path. Make sure that the path and credentials are valid.
---------------------------
OK

Physical path: \\corp.tailspin.com\dfs\iis-shared\config
Connect As: CORP\svc_iisconfig`,
  },
  {
    id: 'iiswebclass-dialog-1', kind: 'dialog', set: 'holdout', expect: 'error-0x80004005-register-webclass-dll',
    note: 'regsvr32 message box for a VB6 IIS application DLL',
    text: String.raw`RegSvr32
---------------------------
DllRegisterServer in C:\Apps\OrderDesk\OrderWeb.dll failed.
Return code was: 0x80004005
---------------------------
OK`,
  },
  {
    id: 'iisftpname-dialog-1', kind: 'dialog', set: 'dev', expect: 'error-create-ftp-site',
    note: 'Internet Services Manager site wizard; the name had a colon',
    text: String.raw`Internet Information Services
---------------------------
There was an error while performing this operation.

Details:
The site name cannot contain the following characters: \, /, ?, ;, :, @, &, =, +, $, ,, |, ", <, >.
---------------------------
OK
site name i typed: "Partners: EDI drop"`,
  },

  // ================================================================ browser pages
  {
    id: 'iisactivex-browser-1', kind: 'browser', set: 'dev', expect: 'cannot-create-object-asp-applications-run',
    note: 'classic ASP page creating an ADODB connection',
    text: String.raw`Microsoft VBScript runtime error '800a01ad'

ActiveX component can't create object

/intranet/phonebook/search.asp, line 12`,
  },
  {
    id: 'iistypemismatch-browser-1', kind: 'browser', set: 'holdout', expect: 'vbscript-type-mismatch-error',
    note: 'classic ASP price calculation on a numeric column',
    text: String.raw`Microsoft VBScript runtime error '800a000d'

Type mismatch

/shop/cart/total.asp, line 47

-- happens on the line: subtotal = rs("unit_price") * qty`,
  },
  {
    id: 'iisasp0177-browser-1', kind: 'browser', set: 'dev', expect: 'server-execution-fail-call-mts-com-asp',
    note: 'ASP 0177 : 80080005 calling a COM+ component, intermittent',
    text: String.raw`Server object error 'ASP 0177 : 80080005'

Server.CreateObject Failed

/orders/submit.asp, line 88

Server execution failed

(only some of the time, refresh usually works)`,
  },
  {
    id: 'iis4037-browser-1', kind: 'browser', set: 'dev', expect: 'http-error-403-7-forbidden-web-app',
    note: 'IIS 7.0 error page with HRESULT; two other corpus articles also cover 403.7 (client certificates)',
    text: String.raw`Server Error in Application "DEFAULT WEB SITE/PAYROLL"

HTTP Error 403.7 - Forbidden
HRESULT: 0x80070005
Description of HRESULT
The page you are attempting to access requires your browser to have a Secure Sockets Layer (SSL) client certificate that the Web server recognizes.

Server Version Information: Internet Information Services 7.0.`,
  },
  {
    id: 'iisfrx-browser-1', kind: 'browser', set: 'dev', expect: 'http-error-403-404-frx-webport',
    note: 'old IE friendly error page on the reporting portal',
    text: String.raw`You are not authorized to view this page
You might not have permission to view this directory or page using the credentials you supplied.

HTTP Error 403 - Forbidden
Internet Information Services

http://finrep01/WebPort/`,
  },
  {
    id: 'iisexpressuac-browser-1', kind: 'browser', set: 'holdout', expect: 'impersonation-fails-uac-enabled',
    note: 'ASP.NET yellow screen under IIS Express, impersonating a service account',
    text: String.raw`Server Error in '/Claims' Application.
Configuration Error
Description: An error occurred during the processing of a configuration file required to service this request. Please review the specific error details below and modify your configuration file appropriately.

Parser Error Message: An error occurred loading a configuration file: Failed to start monitoring changes to C:\src\claims\Claims.Web\default.aspx.

Source Error:
[No relevant source lines]

Source File: C:\src\claims\Claims.Web\default.aspx\web.config    Line: 0

Version Information: Microsoft .NET Framework Version:4.0.30319; ASP.NET Version:4.8.9232.0`,
  },

  {
    id: 'iis4043-browser-1', kind: 'browser', set: 'dev', expect: 'troubleshoot-404-file-not-found-error',
    note: '404.3 missing MIME map: the general 404 article names 404.3 and the MIME map fix (written as a negative first, relabelled after reading that article)',
    text: String.raw`HTTP Error 404.3 - Not Found
The page you are requesting cannot be served because of the extension configuration. If the page is a script, add a handler. If the file should be downloaded, add a MIME map.

Detailed Error Information:
Module       StaticFileModule
Notification ExecuteRequestHandler
Handler      StaticFile
Error Code   0x80070032
Requested URL   https://app.contoso.test:443/manifest.webmanifest
Physical Path   C:\inetpub\spa\manifest.webmanifest`,
  },

  // ================================================================ event logs, traces, terminals, IIS logs
  {
    id: 'iiswas5005-event-1', kind: 'event-viewer', set: 'dev', expect: 'not-start-reenable-shared-configuration',
    note: 'WAS 5005 after re-enabling shared configuration',
    text: String.raw`Log Name:      System
Source:        Microsoft-Windows-WAS
Date:          2/3/2026 7:15:40 AM
Event ID:      5005
Task Category: None
Level:         Error
Keywords:      Classic
User:          N/A
Computer:      WEBFARM-N2
Description:
Windows Process Activation Service (WAS) is stopping because it encountered an error. The data field contains the error number.
Event Xml:
  <EventData>
    <Binary>0D000780</Binary>
  </EventData>

W3SVC won't start either. This began right after we switched shared configuration back on and exported the new applicationHost.config to \\cfgshare\iis.`,
  },
  {
    id: 'iis15300-event-1', kind: 'event-viewer', set: 'holdout', expect: 'https-connections-fail-ssl-bindings-deleted',
    note: 'HttpEvent 15300 warning',
    text: String.raw`Log Name:      System
Source:        Microsoft-Windows-HttpEvent
Date:          4/14/2026 3:02:51 AM
Event ID:      15300
Task Category: None
Level:         Warning
Keywords:      Classic
User:          N/A
Computer:      WEB-DMZ-07
Description:
SSL Certificate Settings deleted for Port : 172.20.14.9:443`,
  },
  {
    id: 'iisnoprivkey-event-1', kind: 'event-viewer', set: 'dev', expect: 'cannot-access-site-using-https',
    note: 'Schannel error on the web server: certificate without its private key',
    text: String.raw`Log Name:      System
Source:        Schannel
Date:          9/22/2025 11:48:09 AM
Event ID:      36869
Task Category: None
Level:         Error
Keywords:
User:          SYSTEM
Computer:      EXTRANET01
Description:
The SSL server credential's certificate does not have a private key information property attached to it. This most often occurs when a certificate is backed up incorrectly and then later restored. This message can also indicate a certificate enrollment failure.

browsers just say page cannot be displayed on https://extranet01/, http is ok`,
  },
  {
    id: 'iisremote401-stack-1', kind: 'stack-trace', set: 'holdout', expect: 'remote-resources-fails-requested-iis',
    note: 'ASP.NET page calling another intranet server with default credentials',
    text: String.raw`Exception type: WebException
Exception message: The remote server returned an error: (401) Unauthorized.
   at System.Net.HttpWebRequest.GetResponse()
   at Intranet.Dashboard.Widgets.LoadHrFeed() in D:\Builds\Dashboard\Widgets.aspx.cs:line 61
   at Intranet.Dashboard.Widgets.Page_Load(Object sender, EventArgs e) in D:\Builds\Dashboard\Widgets.aspx.cs:line 22
   at System.Web.UI.Control.OnLoad(EventArgs e)
   at System.Web.UI.Page.ProcessRequestMain(Boolean includeStagesBeforeAsyncPoint, Boolean includeStagesAfterAsyncPoint)

works when I run it in Visual Studio, fails once deployed to IIS 8.5 (Windows auth, impersonation on)`,
  },
  {
    id: 'iismsdeploy-nonadmin-terminal-1', kind: 'terminal', set: 'dev', expect: 'web-deploy-error-non-admin-user',
    note: 'msdeploy.exe run by a non-admin deployment account',
    text: String.raw`C:\deploy> "C:\Program Files\IIS\Microsoft Web Deploy V3\msdeploy.exe" -verb:sync -source:package=Portal.zip -dest:auto,computerName=web-test-04 -setParam:"IIS Web Application Name"="Portal"
Info: Adding sitemanifest (sitemanifest).
Info: Creating application (Portal)
Error: An error occurred when committing changes to the IIS Configuration System.
The identity performing the operation was 'CORP\build.agent'.
Error: Filename: \\?\C:\Windows\system32\inetsrv\config\applicationHost.config
Error: Cannot write configuration file due to insufficient permission
Error count: 1.`,
  },
  {
    id: 'iismsdeploy-unauth-terminal-1', kind: 'terminal', set: 'holdout', expect: 'cannot-use-web-deploy',
    note: 'Visual Studio publish output through WMSVC as a delegated IIS Manager user',
    text: String.raw`1>------ Publish started: Project: Tailspin.Api, Configuration: Release Any CPU ------
1>Start Web Deploy Publish the Application/package to https://web-stage-2:8172/msdeploy.axd?site=api.tailspin.local ...
1>Adding ACL's for path (api.tailspin.local)
1>C:\Program Files\dotnet\sdk\8.0.404\Sdks\Microsoft.NET.Sdk.Publish\targets\PublishTargets\Microsoft.NET.Sdk.Publish.MSDeploy.targets(140,5): Error : Web deployment task failed. (An error occurred when the request was processed on the remote computer.)
1>An error occurred when the request was processed on the remote computer.
1>Attempted to perform an unauthorized operation.
1>Publish failed to deploy.`,
  },
  {
    id: 'iishttpstop-terminal-1', kind: 'terminal', set: 'dev', expect: 'http-service-fail-stopped',
    note: 'elevated prompt on a server with Web Deploy installed; W3SVC stopped first',
    text: String.raw`C:\Windows\system32>net stop w3svc
The World Wide Web Publishing Service service is stopping.
The World Wide Web Publishing Service service was stopped successfully.

C:\Windows\system32>net stop http
The following services are dependent on the HTTP Service service.
Stopping the HTTP Service service will also stop these services.

   Windows Remote Management (WS-Management)

Do you want to continue this operation? (Y/N) [N]: y
The HTTP Service service is stopping......
The HTTP Service service could not be stopped.

C:\Windows\system32>net stop http
The service is starting or stopping.  Please try again later.`,
  },
  {
    id: 'iisarrproxy-iislog-1', kind: 'iis-log', set: 'dev', expect: 'proxy-server-rejects-backend-requests',
    note: 'ARR front end log: every proxied request 400, upstream goes through a forward proxy',
    text: String.raw`#Software: Microsoft Internet Information Services 10.0
#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken
2026-01-19 14:20:07 10.60.1.5 GET /claims/default.aspx - 443 - 10.60.33.12 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) 400 0 0 31
2026-01-19 14:20:09 10.60.1.5 GET /claims/login.aspx - 443 - 10.60.33.12 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) 400 0 0 28
browser shows "Some aspect of the requested URL is incorrect." since we routed ARR's outbound traffic through the squid proxy`,
  },
  {
    id: 'iisftp451-terse-1', kind: 'terse', set: 'dev', expect: 'ftpputfile-success-451-status',
    note: 'developer search: WinINet API returns TRUE on a 451 reply',
    text: String.raw`FtpPutFile returns TRUE but server replied 451 failure writing to local file`,
  },

  // ================================================================ negatives for this KB
  neg({
    id: 'iisneg-was-5057-identity', set: 'dev',
    note: 'near-miss: WAS event about the pool identity (the corpus has changing the identity, 0x80090016, not an invalid one)',
    text: String.raw`Log Name:      System
Source:        Microsoft-Windows-WAS
Date:          1/12/2026 8:41:19 AM
Event ID:      5057
Task Category: None
Level:         Warning
Keywords:      Classic
User:          N/A
Computer:      WEB-INT-05
Description:
Application pool Timesheets has been disabled. Windows Process Activation Service (WAS) did not create a worker process to serve the application pool because the application pool identity is invalid.`,
  }),
  neg({
    id: 'iisneg-ftp-534-ssl', set: 'holdout',
    note: 'near-miss: IIS FTP site that requires FTPS, plain client refused (the corpus has other FTP problems, not this one)',
    text: String.raw`C:\Users\jmoreno>ftp files.tailspin.local
Connected to files.tailspin.local.
220 Microsoft FTP Service
200 OPTS UTF8 command successful - UTF8 encoding now ON.
User (files.tailspin.local:(none)): jmoreno
534 Policy requires SSL.
Login failed.
ftp>`,
  }),
  neg({
    id: 'iisneg-rewrite-50052', set: 'holdout',
    note: 'near-miss: URL Rewrite outbound rule on a compressed response (not in the corpus)',
    text: String.raw`HTTP Error 500.52 - URL Rewrite Module Error.
Outbound rewrite rules cannot be applied when the content of the HTTP response is encoded ("gzip").

Detailed Error Information:
Module       RewriteModule
Notification SendResponse
Handler      ApplicationRequestRoutingHandler
Error Code   0x80004005`,
  }),
  neg({
    id: 'iisneg-applicationinit-described', set: 'dev',
    note: 'near-miss in own words: IIS warm-up / first request slow (no corpus article)',
    text: String.raw`first request after every app pool recycle takes 40+ seconds on our IIS site, after that it's fast. tried application initialization but the warmup page never seems to get called`,
  }),
  neg({
    id: 'iisneg-logs-fill-disk-described', set: 'holdout',
    note: 'near-miss in own words: IIS log housekeeping (logs are a corpus topic, this problem is not)',
    text: String.raw`the inetpub\logs\LogFiles folder filled up the C: drive on two of our web servers again. is there a setting in IIS to delete log files older than 30 days or do i need a scheduled task`,
  }),
  neg({
    id: 'iisneg-redis-econnrefused', set: 'dev',
    note: 'out of KB: Node Redis client cannot connect',
    text: String.raw`[ioredis] Unhandled error event: Error: connect ECONNREFUSED 127.0.0.1:6379
    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1605:16) {
  errno: -111,
  code: 'ECONNREFUSED',
  syscall: 'connect',
  address: '127.0.0.1',
  port: 6379
}`,
  }),
  neg({
    id: 'iisneg-boto3-credentials', set: 'dev',
    note: 'out of KB: Python boto3 traceback',
    text: String.raw`Traceback (most recent call last):
  File "/app/jobs/upload_reports.py", line 27, in <module>
    s3.upload_file(path, "fin-reports-prod", key)
  File "/usr/local/lib/python3.12/site-packages/boto3/s3/inject.py", line 145, in upload_file
    return transfer.upload_file(
  File "/usr/local/lib/python3.12/site-packages/botocore/auth.py", line 418, in add_auth
    raise NoCredentialsError()
botocore.exceptions.NoCredentialsError: Unable to locate credentials`,
  }),
  neg({
    id: 'iisneg-java-metaspace', set: 'dev',
    note: 'out of KB: Java Metaspace OOM in a Spring Boot service',
    text: String.raw`2026-03-30 22:14:05.902 ERROR 1 --- [nio-8080-exec-4] o.a.c.c.C.[.[.[/].[dispatcherServlet] : Servlet.service() for servlet [dispatcherServlet] threw exception
java.lang.OutOfMemoryError: Metaspace
	at java.base/java.lang.ClassLoader.defineClass1(Native Method)
	at java.base/java.lang.ClassLoader.defineClass(ClassLoader.java:1027)
	at org.springframework.cglib.core.ReflectUtils.defineClass(ReflectUtils.java:555)`,
  }),
]

export default cases.map((c) => ({ corpus: 'mslearn-iis', ...c }))
