// Pastes for articles imported from the public corpora in /work/shared/bench/corpora
// (mssql-errors: MicrosoftDocs/sql-docs error pages; mslearn-iis: MicrosoftDocs/SupportArticles-docs).
// expect = importer id: source file basename without .md, lowercased, non-[a-z0-9] -> '-'.
// corpus = the corpus whose KB the case is asked against (mssql-errors or mslearn-iis).

import { sql } from './articles.mjs'

export default [
  // ================================================================ mssql-errors
  {
    id: 'sql18456-dbclient-1', corpus: 'mssql-errors', kind: 'db-client', set: 'dev', expect: sql(18456),
    note: 'SSMS query window output',
    text: String.raw`Msg 18456, Level 14, State 1, Server SQLPROD02\OLTP, Line 1
Login failed for user 'app_reporting'.

Completion time: 2025-04-22T06:03:51.4471052+02:00`,
  },
  {
    id: 'sql18456-event-1', corpus: 'mssql-errors', kind: 'event-viewer', set: 'holdout', expect: sql(18456),
    note: 'Application log audit failure with reason text',
    text: String.raw`Log Name:      Application
Source:        MSSQL$OLTP
Date:          4/22/2025 6:03:51 AM
Event ID:      18456
Task Category: Logon
Level:         Information
Keywords:      Classic,Audit Failure
User:          CORP\svc_etl
Computer:      SQLPROD02.corp.contoso.com
Description:
Login failed for user 'CORP\svc_etl'. Reason: Could not find a login matching the name provided. [CLIENT: 10.2.31.44]`,
  },
  {
    id: 'sql18456-terse-1', corpus: 'mssql-errors', kind: 'terse', set: 'dev', expect: sql(18456),
    note: 'a few words with the number',
    text: String.raw`sa login failed error 18456 state 8`,
  },
  {
    id: 'sql1205-stack-1', corpus: 'mssql-errors', kind: 'stack-trace', set: 'dev', expect: sql(1205),
    note: '.NET SqlException deadlock victim',
    text: String.raw`Microsoft.Data.SqlClient.SqlException (0x80131904): Transaction (Process ID 87) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.
   at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action` + '`' + String.raw`1 wrapCloseInAction)
   at Microsoft.Data.SqlClient.TdsParser.TryRun(RunBehavior runBehavior, SqlCommand cmdHandler, SqlDataReader dataStream, BulkCopySimpleResultSet bulkCopyHandler, TdsParserStateObject stateObj, Boolean& dataReady)
   at Microsoft.Data.SqlClient.SqlCommand.ExecuteNonQuery()
   at Contoso.Orders.Data.OrderRepository.ReserveStock(Int32 orderId) in D:\a\1\s\src\Orders.Data\OrderRepository.cs:line 203
ClientConnectionId:9c1f4a7e-2b4d-4e0a-bb1e-51e0c3a3d9f2
Error Number:1205,State:51,Class:13`,
  },
  {
    id: 'sql1205-applog-1', corpus: 'mssql-errors', kind: 'app-log', set: 'holdout', expect: sql(1205),
    note: 'Java JDBC error line among INFO chatter',
    text: String.raw`2025-02-03 11:40:12.008 INFO  [batch-2] o.s.b.c.s.AbstractStep - Executing step: [settleInvoices]
2025-02-03 11:40:19.772 INFO  [batch-2] c.c.ledger.SettleWriter - wrote chunk 41 (500 rows)
2025-02-03 11:40:22.315 ERROR [batch-2] o.s.b.c.s.AbstractStep - Encountered an error executing step settleInvoices in job nightlyLedger
org.springframework.dao.CannotAcquireLockException: PreparedStatementCallback; SQL [UPDATE ledger_entry SET state = ? WHERE id = ?]; Transaction (Process ID 142) was deadlocked on lock | communication buffer resources with another process and has been chosen as the deadlock victim. Rerun the transaction.; nested exception is com.microsoft.sqlserver.jdbc.SQLServerException
2025-02-03 11:40:22.330 INFO  [batch-2] o.s.b.c.l.s.SimpleJobLauncher - Job: [nightlyLedger] completed with status: [FAILED]`,
  },
  {
    id: 'sql9002-dbclient-1', corpus: 'mssql-errors', kind: 'db-client', set: 'dev', expect: sql(9002),
    note: 'SSMS output; newer message wording "full due to LOG_BACKUP"',
    text: String.raw`(1048576 rows affected)
Msg 9002, Level 17, State 4, Line 3
The transaction log for database 'Warehouse' is full due to 'LOG_BACKUP'.

Completion time: 2025-06-30T23:58:02.1190311+00:00`,
  },
  {
    id: 'sql9002-event-1', corpus: 'mssql-errors', kind: 'event-viewer', set: 'dev', expect: sql(9002),
    note: 'Application log entry',
    text: String.raw`Log Name:      Application
Source:        MSSQLSERVER
Date:          6/30/2025 11:58:02 PM
Event ID:      9002
Task Category: Server
Level:         Error
Keywords:      Classic
User:          N/A
Computer:      DWH-SQL-01
Description:
The transaction log for database 'StageDB' is full due to 'ACTIVE_TRANSACTION'.`,
  },
  {
    id: 'sql208-dbclient-1', corpus: 'mssql-errors', kind: 'db-client', set: 'dev', expect: sql(208),
    note: 'SSMS output',
    text: String.raw`Msg 208, Level 16, State 1, Procedure usp_GetOpenOrders, Line 7 [Batch Start Line 0]
Invalid object name 'dbo.CustomerOrders'.`,
  },
  {
    id: 'sql207-dbclient-1', corpus: 'mssql-errors', kind: 'db-client', set: 'dev', expect: sql(207),
    note: 'SSMS output, two messages',
    text: String.raw`Msg 207, Level 16, State 1, Line 2
Invalid column name 'ShipDate'.
Msg 207, Level 16, State 1, Line 2
Invalid column name 'ShipRegion'.`,
  },
  {
    id: 'sql102-dbclient-1', corpus: 'mssql-errors', kind: 'db-client', set: 'dev', expect: sql(102),
    note: 'sqlcmd output',
    text: String.raw`C:\scripts> sqlcmd -S SQLDEV01 -d Sales -i fix_prices.sql
Msg 102, Level 15, State 1, Server SQLDEV01, Line 14
Incorrect syntax near ','.`,
  },
  {
    id: 'sql4064-dbclient-1', corpus: 'mssql-errors', kind: 'db-client', set: 'dev', expect: sql(4064),
    note: 'SSMS connect dialog, "copy message text"',
    text: String.raw`Cannot connect to SQLDEV01.

===================================

Cannot open user default database. Login failed.
Login failed for user 'CORP\m.ortega'. (.Net SqlClient Data Provider)

------------------------------
For help, click: http://go.microsoft.com/fwlink?ProdName=Microsoft%20SQL%20Server&EvtSrc=MSSQLServer&EvtID=4064&LinkId=20476

------------------------------
Server Name: SQLDEV01
Error Number: 4064
Severity: 11
State: 1
Line Number: 65536`,
  },
  {
    id: 'sql10061-dbclient-1', corpus: 'mssql-errors', kind: 'db-client', set: 'holdout', expect: sql(10061),
    note: 'SSMS connect dialog; shares most text with 2/53/10060/11001, only the tail differs',
    text: String.raw`Cannot connect to sql-reporting.corp.contoso.com,14330.

===================================

A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server was not found or was not accessible. Verify that the instance name is correct and that SQL Server is configured to allow remote connections. (provider: TCP Provider, error: 0 - No connection could be made because the target machine actively refused it.) (Microsoft SQL Server, Error: 10061)`,
  },
  {
    id: 'sql11001-stack-1', corpus: 'mssql-errors', kind: 'stack-trace', set: 'dev', expect: sql(11001),
    note: '.NET SqlException: host name not resolvable',
    text: String.raw`Unhandled exception. System.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server was not found or was not accessible. Verify that the instance name is correct and that SQL Server is configured to allow remote connections. (provider: TCP Provider, error: 0 - No such host is known.)
 ---> System.ComponentModel.Win32Exception (11001): No such host is known.
   at System.Data.SqlClient.SqlInternalConnectionTds..ctor(DbConnectionPoolIdentity identity, SqlConnectionString connectionOptions, Object providerInfo, Boolean redirectedUserInstance)
   at System.Data.SqlClient.SqlConnection.Open()
   at Tailspin.Migrator.Program.Main(String[] args) in /app/Program.cs:line 18`,
  },
  {
    id: 'sqlneg2-applog-1', corpus: 'mssql-errors', kind: 'app-log', set: 'dev', expect: sql('neg2'),
    note: 'ASP.NET app log; modern wording "Execution Timeout Expired" and Error Number -2',
    text: String.raw`2025-03-27 16:44:01.225 +01:00 [INF] [21] Request starting HTTP/1.1 GET https://crm.tailspin.local/customers/search?q=mill
2025-03-27 16:44:31.402 +01:00 [ERR] [21] Failed executing DbCommand (30,011ms) [Parameters=[@q='?' (Size = 4000)], CommandType='Text', CommandTimeout='30']
2025-03-27 16:44:31.409 +01:00 [ERR] [21] An unhandled exception has occurred while executing the request.
Microsoft.Data.SqlClient.SqlException (0x80131904): Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.
 ---> System.ComponentModel.Win32Exception (258): The wait operation timed out.
Error Number:-2,State:0,Class:11
2025-03-27 16:44:31.511 +01:00 [INF] [21] Request finished HTTP/1.1 GET https://crm.tailspin.local/customers/search?q=mill - 500`,
  },
  {
    id: 'sql1222-dbclient-1', corpus: 'mssql-errors', kind: 'db-client', set: 'dev', expect: sql(1222),
    note: 'SSMS output after SET LOCK_TIMEOUT',
    text: String.raw`Msg 1222, Level 16, State 51, Line 1
Lock request time out period exceeded.
The statement has been terminated.`,
  },
  {
    id: 'sql823-event-1', corpus: 'mssql-errors', kind: 'event-viewer', set: 'dev', expect: sql(823),
    note: 'Application log I/O error',
    text: String.raw`Log Name:      Application
Source:        MSSQLSERVER
Date:          12/1/2025 2:12:09 AM
Event ID:      823
Task Category: Server
Level:         Error
Keywords:      Classic
User:          N/A
Computer:      SQL-FIN-02
Description:
The operating system returned error 21(The device is not ready.) to SQL Server during a read at offset 0x000002a3c40000 in file 'E:\Data\Finance_Data.mdf'. Additional messages in the SQL Server error log and system event log may provide more detail. This is a severe system-level error condition that threatens database integrity and must be corrected immediately. Complete a full database consistency check (DBCC CHECKDB). This error can be caused by many factors; for more information, see SQL Server Books Online.`,
  },
  {
    id: 'sql17883-applog-1', corpus: 'mssql-errors', kind: 'app-log', set: 'holdout', expect: sql(17883),
    note: 'SQL Server ERRORLOG excerpt',
    text: String.raw`2025-03-02 03:11:40.12 spid87      DBCC CHECKDB (Sales) executed by CORP\svc_sqlagent found 0 errors and repaired 0 errors.
2025-03-02 03:11:45.27 Server      Process 0:0:0 (0x1a2c) Worker 0x000000A1B2C3D160 appears to be non-yielding on Scheduler 3. Thread creation time: 13384905211820. Approx Thread CPU Used: kernel 0 ms, user 70123 ms. Process Utilization 31%. System Idle 62%. Interval: 70132 ms.
2025-03-02 03:11:45.31 Server      ***Unable to get thread context for spid 0
2025-03-02 03:11:45.31 Server      * *******************************************************************************
2025-03-02 03:11:45.31 Server      * BEGIN STACK DUMP:
2025-03-02 03:11:45.31 Server      *   03/02/25 03:11:45 spid 5212`,
  },
  {
    id: 'sql916-dbclient-1', corpus: 'mssql-errors', kind: 'db-client', set: 'dev', expect: sql(916),
    note: 'SSMS object explorer error dialog text',
    text: String.raw`The server principal "CORP\ana.k" is not able to access the database "HR" under the current security context. (Microsoft SQL Server, Error: 916)`,
  },
  {
    id: 'sql945-truncated-1', corpus: 'mssql-errors', kind: 'truncated', set: 'dev', expect: sql(945),
    note: 'message cut',
    text: String.raw`Database 'Archive2019' cannot be opened due to inaccessible files or insufficient memory or disk sp`,
  },
  {
    id: 'sql1105-dbclient-1', corpus: 'mssql-errors', kind: 'db-client', set: 'holdout', expect: sql(1105),
    note: 'SSMS output',
    text: String.raw`Msg 1105, Level 17, State 2, Line 12
Could not allocate space for object 'dbo.AuditLog'.'PK_AuditLog' in database 'Ops' because the 'PRIMARY' filegroup is full. Create disk space by deleting unneeded files, dropping objects in the filegroup, adding additional files to the filegroup, or setting autogrowth on for existing files in the filegroup.`,
  },
  {
    id: 'sql15404-applog-1', corpus: 'mssql-errors', kind: 'app-log', set: 'dev', expect: sql(15404),
    note: 'SQL Agent job history message',
    text: String.raw`Date		11/14/2025 1:00:00 AM
Log		Job History (Nightly - Index maintenance)
Step ID		1
Server		SQLPROD03
Job Name		Nightly - Index maintenance
Step Name		Rebuild
Duration		00:00:00
Message
Executed as user: CORP\svc_sqlagent. The job failed.  Unable to determine if the owner (CORP\jsmith) of job Nightly - Index maintenance has server access (reason: Could not obtain information about Windows NT group/user 'CORP\jsmith', error code 0x534. [SQLSTATE 42000] (Error 15404)).`,
  },
  {
    id: 'sql233-terse-1', corpus: 'mssql-errors', kind: 'terse', set: 'holdout', expect: sql(233),
    note: 'user words with the message',
    text: String.raw`ssms error 233 "no process is on the other end of the pipe" when logging in with sql auth`,
  },
  {
    id: 'sql18452-dbclient-1', corpus: 'mssql-errors', kind: 'db-client', set: 'dev', expect: sql(18452),
    note: 'SSMS dialog',
    text: String.raw`Login failed for user 'reporting_ro'. The login is a SQL Server login and cannot be used with Windows Authentication. (Microsoft SQL Server, Error: 18452)`,
  },
  {
    id: 'sql4104-dbclient-1', corpus: 'mssql-errors', kind: 'db-client', set: 'holdout', expect: sql(4104),
    note: 'SSMS output',
    text: String.raw`Msg 4104, Level 16, State 1, Line 3
The multi-part identifier "o.CustomerID" could not be bound.`,
  },
  {
    id: 'sql137-truncated-1', corpus: 'mssql-errors', kind: 'truncated', set: 'dev', expect: sql(137),
    note: 'SSMS output cut inside the variable name',
    text: String.raw`Msg 137, Level 15, State 2, Line 9
Must declare the scalar variable "@Sta`,
  },
  {
    id: 'sql1418-dbclient-1', corpus: 'mssql-errors', kind: 'db-client', set: 'dev', expect: sql(1418),
    note: 'mirroring setup error in SSMS',
    text: String.raw`Msg 1418, Level 16, State 1, Line 1
The server network address "TCP://sqlmirror02.corp.local:5022" can not be reached or does not exist. Check the network address name and that the ports for the local and remote endpoints are operational.`,
  },
  {
    id: 'sql1505-dbclient-1', corpus: 'mssql-errors', kind: 'db-client', set: 'holdout', expect: sql(1505),
    note: 'SSMS output when creating a unique index',
    text: String.raw`Msg 1505, Level 16, State 1, Line 1
The CREATE UNIQUE INDEX statement terminated because a duplicate key was found for the object name 'dbo.Customers' and the index name 'UX_Customers_Email'. The duplicate key value is (jane.doe@example.com).
The statement has been terminated.`,
  },

  // ================================================================ mslearn-iis
  {
    id: 'iis40314-browser-1', corpus: 'mslearn-iis', kind: 'browser', set: 'dev', expect: 'http-403-14-forbidden-webpage',
    note: 'IIS detailed error page',
    text: String.raw`HTTP Error 403.14 - Forbidden
The Web server is configured to not list the contents of this directory.

Most likely causes:
    A default document is not configured for the requested URL, and directory browsing is not enabled on the server.

Things you can try:
    If you do not want to enable directory browsing, ensure that a default document is configured and that the file exists.
    Enable directory browsing.

Detailed Error Information:
Module       DirectoryListingModule
Notification ExecuteRequestHandler
Handler      StaticFile
Error Code   0x00000000
Requested URL   http://localhost:8081/
Physical Path   C:\Users\dev\source\repos\Tailspin.Web\publish
Logon Method    Anonymous
Logon User      Anonymous`,
  },
  {
    id: 'iis40413-iislog-1', corpus: 'mslearn-iis', kind: 'iis-log', set: 'holdout', expect: 'http-404-13-website',
    note: 'W3C log: large uploads get 404 13; hard (no text)',
    text: String.raw`#Software: Microsoft Internet Information Services 10.0
#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken
2025-04-08 15:02:11 10.5.0.12 POST /docs/upload - 443 CORP\lwu 10.5.31.8 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) 200 0 0 842
2025-04-08 15:03:57 10.5.0.12 POST /docs/upload - 443 CORP\lwu 10.5.31.8 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) 404 13 0 3
2025-04-08 15:04:20 10.5.0.12 POST /docs/upload - 443 CORP\lwu 10.5.31.8 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) 404 13 0 2
only files over ~30 MB fail`,
  },
  {
    id: 'iis4042-browser-1', corpus: 'mslearn-iis', kind: 'browser', set: 'dev', expect: 'http-error-402-webpage',
    note: '404.2 ISAPI and CGI restriction page',
    text: String.raw`HTTP Error 404.2 - Not Found
The page you are requesting cannot be served because of the ISAPI and CGI Restriction list settings on the Web server.

Detailed Error Information:
Module       IsapiModule
Notification ExecuteRequestHandler
Handler      PageHandlerFactory-ISAPI-2.0-64
Error Code   0x800704ec
Requested URL   http://legacy-web01:80/orders/list.aspx
Physical Path   D:\legacy\orders\list.aspx
Logon Method    Anonymous
Logon User      Anonymous`,
  },
  {
    id: 'iis40417-browser-1', corpus: 'mslearn-iis', kind: 'browser', set: 'holdout', expect: 'error-message-you-visit-web-site',
    note: '404.17 page: script served by static file handler',
    text: String.raw`HTTP Error 404.17 - Not Found
The requested content appears to be script and will not be served by the static file handler.

Most likely causes:
    The request matched a wildcard mime map. The request is mapped to the static file handler. If there were different pre-conditions, the request will map to a different handler.

Detailed Error Information:
Module       StaticFileModule
Notification ExecuteRequestHandler
Handler      StaticFile
Error Code   0x80070032
Requested URL   http://web-test-02:8080/admin/login.aspx
Physical Path   C:\sites\admin\login.aspx
Logon Method    Anonymous
Logon User      Anonymous`,
  },
  {
    id: 'iis405-iislog-1', corpus: 'mslearn-iis', kind: 'iis-log', set: 'dev', expect: 'http-error-405-website',
    note: 'W3C log: POST to a static page and PUT rejected with 405',
    text: String.raw`#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken
2025-01-21 10:44:02 10.3.3.7 GET /contact.html - 80 - 10.3.9.120 Mozilla/5.0 200 0 0 4
2025-01-21 10:44:19 10.3.3.7 POST /contact.html - 80 - 10.3.9.120 Mozilla/5.0 405 0 1 2
2025-01-21 10:45:33 10.3.3.7 PUT /api/items/17 - 80 - 10.3.9.44 okhttp/4.12.0 405 0 1 1
HTTP Error 405.0 - Method not allowed`,
  },
  {
    id: 'iis5189-event-1', corpus: 'mslearn-iis', kind: 'event-viewer', set: 'dev', expect: 'error-503-event-5189-web-application',
    note: 'WAS 5189 after a Windows feature update; competes with the rapid-fail 503 article',
    text: String.raw`Log Name:      System
Source:        Microsoft-Windows-WAS
Date:          11/17/2025 8:02:31 AM
Event ID:      5189
Task Category: None
Level:         Error
Keywords:      Classic
User:          N/A
Computer:      DEVBOX-117
Description:
The Windows Process Activation Service failed to generate an application pool config file for application pool 'DefaultAppPool'. The error type is '5'. To resolve this issue, please ensure that the applicationhost.config file is correct and recommit the last configuration changes made. The data field contains the error number.`,
  },
  {
    id: 'iisasp0178-browser-1', corpus: 'mslearn-iis', kind: 'browser', set: 'dev', expect: 'server-object-error-asp-0178-occurs',
    note: 'classic ASP error text',
    text: String.raw`Server object error 'ASP 0178 : 80070005'

Server.CreateObject Access Error

/intranet/reports/print.asp, line 23

The call to Server.CreateObject failed while checking permissions. Access is denied to this object.`,
  },
  {
    id: 'iis5022-browser-1', corpus: 'mslearn-iis', kind: 'browser', set: 'holdout', expect: 'troubleshoot-502-2-bad-gateway-error-in-cgi-apps',
    note: '502.2 page with a Python traceback as the "headers"',
    text: String.raw`HTTP Error 502.2 - Bad Gateway
The specified CGI application misbehaved by not returning a complete set of HTTP headers. The headers it did return are "Traceback (most recent call last): File "C:\inetpub\cgi\stats.py", line 4, in <module> import pymssql ModuleNotFoundError: No module named 'pymssql' ".

Detailed Error Information:
Module       CgiModule
Notification ExecuteRequestHandler
Handler      Python-CGI
Error Code   0x00000001
Requested URL   http://tools-web:80/cgi/stats.py`,
  },
  {
    id: 'iiswebsocket-stack-1', corpus: 'mslearn-iis', kind: 'stack-trace', set: 'dev', expect: 'websocketmodule-is-not-loaded',
    note: '.NET exception thrown by WCF NetHttpBinding / ASP.NET',
    text: String.raw`[InvalidOperationException: The WebSocketModule is not loaded. Check if the WebSocket feature is installed and the WebSocketModule is enabled in the list of IIS modules (see http://go.microsoft.com/fwlink/?LinkId=231398 for details).]
   System.ServiceModel.Channels.WebSocketHelper.ThrowWebSocketModuleNotLoaded() +118
   System.ServiceModel.Activation.HostedHttpTransportManager.HttpContextReceived(HostedHttpRequestAsyncResult result) +412
   System.ServiceModel.Activation.HostedHttpRequestAsyncResult.HandleRequest() +217
   System.Web.HttpApplication.CallHandlerExecutionStep.System.Web.HttpApplication.IExecutionStep.Execute() +9987593`,
  },
  {
    id: 'iiskeyset-terse-1', corpus: 'mslearn-iis', kind: 'terse', set: 'dev', expect: '0x80090016-change-application-pool-identity',
    note: 'user words with the HRESULT',
    text: String.raw`remote IIS manager: changing app pool identity gives "Keyset does not exist" 0x80090016`,
  },
  {
    id: 'iisreset-truncated-1', corpus: 'mslearn-iis', kind: 'truncated', set: 'holdout', expect: 'using-iisreset-restart-iis-result-error',
    note: 'iisreset output cut in the HRESULT',
    text: String.raw`C:\>iisreset /noforce
Attempting stop...
Restart attempt failed.
The service cannot accept control messages at this time. (2147943461, 8007042`,
  },
  {
    id: 'iisftp530-iislog-1', corpus: 'mslearn-iis', kind: 'iis-log', set: 'dev', expect: 'error-530-anonymous-ftp-sites',
    note: 'IIS FTP W3C log: anonymous login 530 with win32 5, plus the client message',
    text: String.raw`#Software: Microsoft Internet Information Services 7.5
#Version: 1.0
#Date: 2012-09-12 08:30:14
#Fields: date time c-ip cs-username s-ip s-port cs-method cs-uri-stem sc-status sc-win32-status sc-substatus x-session x-fullpath
2012-09-12 08:30:14 10.9.1.55 - 10.9.0.21 21 ControlChannelOpened - - 0 0 3b2c11d7-44e1-4c9b-9e6c-0a81f3c7d2e5 -
2012-09-12 08:30:16 10.9.1.55 - 10.9.0.21 21 USER anonymous 331 0 0 3b2c11d7-44e1-4c9b-9e6c-0a81f3c7d2e5 -
2012-09-12 08:30:16 10.9.1.55 anonymous 10.9.0.21 21 PASS *** 530 5 0 3b2c11d7-44e1-4c9b-9e6c-0a81f3c7d2e5 /

ftp.exe says: 530-User cannot log in. Win32 error: Access is denied. Error details: Home directory lookup failed.`,
  },
  {
    id: 'iisbinarywrite-iislog-1', corpus: 'mslearn-iis', kind: 'iis-log', set: 'holdout', expect: 'http-500-response-binarywrite',
    note: 'W3C log with the ASP error in cs-uri-query',
    text: String.raw`#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken
2025-02-26 09:15:44 10.2.0.9 GET /files/download.asp id=5521|-|ASP_0251_:_80004005|Response_Buffer_Limit_Exceeded 80 - 10.2.14.77 Mozilla/5.0 500 0 0 2203
2025-02-26 09:16:02 10.2.0.9 GET /files/download.asp id=118|-|ASP_0251_:_80004005|Response_Buffer_Limit_Exceeded 80 - 10.2.14.91 Mozilla/5.0 500 0 0 1876`,
  },
  {
    id: 'iis50019b7-browser-1', corpus: 'mslearn-iis', kind: 'browser', set: 'dev', expect: 'http-error-500-19-webpage',
    note: '500.19 with 0x800700b7 (duplicate section): looks like the bundled 0x8007000d article but only the imported one covers this code',
    text: String.raw`HTTP Error 500.19 - Internal Server Error
The requested page cannot be accessed because the related configuration data for the page is invalid.

Detailed Error Information:
Module       IIS Web Core
Notification BeginRequest
Handler      Not yet determined
Error Code   0x800700b7
Config Error There is a duplicate 'system.web.extensions/scripting/scriptResourceHandler' section defined
Config File  \\?\C:\inetpub\wwwroot\legacyapp\web.config
Requested URL   http://intranet-old:80/legacyapp/
Physical Path   C:\inetpub\wwwroot\legacyapp\
Logon Method    Not yet determined
Logon User      Not yet determined`,
  },
  {
    id: 'iis40316-browser-1', corpus: 'mslearn-iis', kind: 'browser', set: 'holdout', expect: 'http-403-forbidden-access-website',
    note: '403.16 client certificate untrusted: certificate-trust wording also fits the bundled TLS chain article',
    text: String.raw`HTTP Error 403.16 - Forbidden
Your client certificate is either not trusted or is invalid.

Detailed Error Information:
Module       IIS Web Core
Notification AuthenticateRequest
Handler      StaticFile
Error Code   0x800b0109
Requested URL   https://partners.fabrikam.com:443/edi/inbox
Physical Path   D:\sites\partners\edi\inbox
Logon Method    Not yet determined
Logon User      Not yet determined

smart card users from the subsidiary can't get in since we moved the site to the new server`,
  },
  {
    id: 'iis5000-browser-1', corpus: 'mslearn-iis', kind: 'browser', set: 'dev', expect: 'http-error-500-when-you-visit-web-site',
    note: '500.0 with 0x80070035 (content on an unreachable UNC share)',
    text: String.raw`HTTP Error 500.0 - Internal Server Error
The page cannot be displayed because an internal server error has occurred.

Detailed Error Information:
Module       IIS Web Core
Notification MapRequestHandler
Handler      StaticFile
Error Code   0x80070035
Requested URL   http://docs-web:80/handbook/index.htm
Physical Path   \\fs07\webcontent\handbook\index.htm
Logon Method    Anonymous
Logon User      Anonymous`,
  },
  {
    id: 'iishttpstop-terse-1', corpus: 'mslearn-iis', kind: 'terse', set: 'holdout', expect: 'http-service-fail-stopped',
    note: 'user words with the console message',
    text: String.raw`net stop http hangs then "The HTTP service could not be stopped." - web deploy agent (msdepsvc) installed on the box`,
  },
  {
    id: 'iis4036-iislog-1', corpus: 'mslearn-iis', kind: 'iis-log', set: 'dev', expect: '403-6-forbidden-error',
    note: 'W3C log: one client range gets 403 6 (IP restriction), others 200',
    text: String.raw`#Software: Microsoft Internet Information Services 10.0
#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken
2025-08-05 07:58:12 10.12.0.4 GET /timesheets/ - 443 - 10.12.77.30 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) 200 0 0 31
2025-08-05 07:58:40 10.12.0.4 GET /timesheets/ - 443 - 192.168.212.18 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) 403 6 5 0
2025-08-05 07:58:41 10.12.0.4 GET /favicon.ico - 443 - 192.168.212.18 Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) 403 6 5 0
users on the VPN pool get "403 - Forbidden: IP address rejected", office users are fine`,
  },
  {
    id: 'iis400kerb-browser-1', corpus: 'mslearn-iis', kind: 'browser', set: 'holdout', expect: 'http-bad-request-response-kerberos',
    note: 'IIS "Request Too Long" page for users in many AD groups (Kerberos token size), plus the WinRM variant; AMBIGUOUS-ish: clm-http-bad-request has the same cause for the CLM portal only',
    text: String.raw`Bad Request - Request Too Long

HTTP Error 400. The size of the request headers is too long.

only some users get this on our intranet (Windows auth / Kerberos), they are the ones in hundreds of AD groups. The same users also can't Enter-PSSession to the web servers:
Connecting to remote server web07 failed with the following error message : The WinRM client received an HTTP bad request status (400), but the remote service did not include any other information about the cause of the failure.`,
  },
  {
    id: 'iisbinarywrite-truncated-1', corpus: 'mslearn-iis', kind: 'truncated', set: 'dev', expect: 'http-500-response-binarywrite',
    note: 'ASP error text cut',
    text: String.raw`Response object error 'ASP 0251 : 80004005'

Response Buffer Limit Exceeded

/reports/export.asp, line 0

Execution of the ASP page caused the Response Buffer to exceed its confi`,
  },
]
