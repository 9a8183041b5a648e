// Harder `terse` and `stack-trace` cases, plus a few negatives of the same shapes.
// Terse: what a hurried engineer/customer types into a search box (3-15 words, own wording,
// typos, codes written without 0x or with a prefix like "err"). Stack traces: exceptions as the
// client library prints them (error strings and numbers as the product prints them; frames, hosts,
// users and values invented).
// Each case: { id, kind, set, note, expect, text }. Set (dev/holdout) was fixed when the case was
// written, before any eval run.

import { Q, C, R, A, K, W, X, L, G, S, SS, E, sql } from './articles.mjs'

const neg = (c) => ({ kind: 'negative', expect: null, ...c })

export default [
  // ================================================================ terse, bundled articles
  {
    id: 't2-w3wp-e0434352', corpus: 'bundled', kind: 'terse', set: 'dev', expect: W,
    note: 'exception code without 0x, lost sessions in own words, no event id',
    text: String.raw`w3wp.exe crashing few times a day, exception code e0434352, everyone gets logged out`,
  },
  {
    id: 't2-rapidfail-typos', corpus: 'bundled', kind: 'terse', set: 'holdout', expect: R,
    note: 'misspelled feature name ("protecton", "manualy"), no event id or 503 page text',
    text: String.raw`rapid fail protecton keeps shutting our pool down, 503 till i start it manualy`,
  },
  {
    id: 't2-queuefull-nocode', corpus: 'bundled', kind: 'terse', set: 'dev', expect: Q,
    note: 'no HTTPERR reason phrase; "request queue full??" as a guess, pool still started',
    text: String.raw`http.sys 503s when traffic spikes, request queue full?? pool stays started`,
  },
  {
    id: 't2-config-8007000d-no0x', corpus: 'bundled', kind: 'terse', set: 'dev', expect: C,
    note: 'HRESULT written without 0x and without the 500.19 status',
    text: String.raw`8007000d on iis after copying site to the new 2022 server`,
  },
  {
    id: 't2-arr-80072ee2-no0x', corpus: 'bundled', kind: 'terse', set: 'holdout', expect: A,
    note: 'sub-status plus HRESULT without 0x',
    text: String.raw`ARR 502.3 error code 80072ee2 on long running reports`,
  },
  {
    id: 't2-kerberos-misspelled', corpus: 'bundled', kind: 'terse', set: 'dev', expect: K,
    note: 'error name misspelled (MODIFED), pool identity change as trigger',
    text: String.raw`kerberos broke after app pool moved to svc account, KRB_AP_ERR_MODIFED on clients`,
  },
  {
    id: 't2-bmnet-win32-6', corpus: 'bundled', kind: 'terse', set: 'holdout', expect: X,
    note: 'abbreviated product (iis51), log field name, no mention of the LSP/bmnet',
    text: String.raw`iis51 on xp: css/jpg randomly 403 then 500, sc-win32-status 6`,
  },
  {
    id: 't2-lb-alb-express', corpus: 'bundled', kind: 'terse', set: 'dev', expect: L,
    note: 'ALB access-log field in own words, Node/Express back end',
    text: String.raw`ALB random 502 after a few secs idle, target status '-', express app`,
  },
  {
    id: 't2-nginx-110-phpfpm', corpus: 'bundled', kind: 'terse', set: 'dev', expect: G,
    note: 'partial error.log phrase, php-fpm upstream, no 504 number',
    text: String.raw`nginx upstream timed out (110) reading response header, php-fpm behind it`,
  },
  {
    id: 't2-schannel-36874-java', corpus: 'bundled', kind: 'terse', set: 'holdout', expect: S,
    note: 'event id plus hardening tool name; "tls1.0" spelling',
    text: String.raw`schannel 36874 since iis crypto disabled tls1.0, old java client cant connect`,
  },
  {
    id: 't2-smsecret-handshake', corpus: 'bundled', kind: 'terse', set: 'dev', expect: SS,
    note: 'no error number or "shared secret"; handshake errors in the policy server log, llawp',
    text: String.raw`policy svr log full of handshake errors from web02, llawp wont stay up`,
  },
  {
    id: 't2-ephemeral-4231', corpus: 'bundled', kind: 'terse', set: 'dev', expect: E,
    note: 'Tcpip event id and TIME_WAIT, own words',
    text: String.raw`outbound calls from web01 fail, tcpip event 4231, tons of TIME_WAIT`,
  },

  // ================================================================ terse, imported: mssql-errors
  {
    id: 't2-sql18456-state38', corpus: 'mssql-errors', kind: 'terse', set: 'dev', expect: sql(18456),
    note: '"err" prefix, state 38 (database requested not found) after a rename',
    text: String.raw`err 18456 state 38 for the svc account since we renamed the db`,
  },
  {
    id: 't2-sql9002-nocode', corpus: 'mssql-errors', kind: 'terse', set: 'holdout', expect: sql(9002),
    note: 'no error number; log full in own words plus the log_reuse_wait_desc value',
    text: String.raw`SalesDW log file full, cant shrink, log_reuse_wait_desc says LOG_BACKUP`,
  },
  {
    id: 't2-sql4064-dropped-db', corpus: 'mssql-errors', kind: 'terse', set: 'dev', expect: sql(4064),
    note: 'quoted part of the message, no number; cause in own words',
    text: String.raw`ssms 'cannot open user default database' after we dropped the old db`,
  },
  {
    id: 't2-sql17142-paused', corpus: 'mssql-errors', kind: 'terse', set: 'holdout', expect: sql(17142),
    note: 'number plus a guess, none of the message text',
    text: String.raw`apps cant connect, sql instance shows paused?? err 17142`,
  },
  {
    id: 't2-sql8645-monthend', corpus: 'mssql-errors', kind: 'terse', set: 'dev', expect: sql(8645),
    note: 'number plus paraphrase of the memory wait',
    text: String.raw`reports failing with 8645 waiting on memory resources at month end`,
  },
  {
    id: 't2-sqlneg2-efcore', corpus: 'mssql-errors', kind: 'terse', set: 'dev', expect: sql('neg2'),
    note: 'error number -2 (hard to tokenize) with EF Core context',
    text: String.raw`ef core timeout expired after 30s, sql error -2 on search page`,
  },

  // ================================================================ terse, imported: mslearn-iis
  {
    id: 't2-iis40413-upload', corpus: 'mslearn-iis', kind: 'terse', set: 'dev', expect: 'http-404-13-website',
    note: 'sub-status and size, no CONTENT_LENGTH_TOO_LARGE / maxAllowedContentLength',
    text: String.raw`upload over 30mb fails with 404.13 on iis 10`,
  },
  {
    id: 't2-iis40314-publish', corpus: 'mslearn-iis', kind: 'terse', set: 'holdout', expect: 'http-403-14-forbidden-webpage',
    note: 'sub-status plus a guess about the default document',
    text: String.raw`403.14 forbidden right after publishing the site, missing default doc?`,
  },
  {
    id: 't2-iis5189-1709', corpus: 'mslearn-iis', kind: 'terse', set: 'dev', expect: 'error-503-event-5189-web-application',
    note: 'OS version as users write it plus event id; generic 503 alone would be ambiguous',
    text: String.raw`after win10 1709 update all local iis sites 503, WAS event 5189`,
  },
  {
    id: 't2-iis405-put-webdav', corpus: 'mslearn-iis', kind: 'terse', set: 'holdout', expect: 'http-error-405-website',
    note: 'verbs and a WebDAV guess, no sub-status or HRESULT',
    text: String.raw`PUT and DELETE give 405 method not allowed on iis, webdav?`,
  },
  {
    id: 't2-iis40417-integrated', corpus: 'mslearn-iis', kind: 'terse', set: 'dev', expect: 'error-message-you-visit-web-site',
    note: '404.17 after a pipeline-mode change (handler precondition no longer met)',
    text: String.raw`404.17 on .aspx pages after switching the pool to integrated mode`,
  },
  {
    id: 't2-iis5022-perl', corpus: 'mslearn-iis', kind: 'terse', set: 'dev', expect: 'troubleshoot-502-2-bad-gateway-error-in-cgi-apps',
    note: 'sub-status plus fragment of the CGI message',
    text: String.raw`perl cgi script 502.2 bad gateway, not a complete set of headers`,
  },
  {
    id: 't2-iis5013-shutdown', corpus: 'mslearn-iis', kind: 'terse', set: 'dev', expect: 'application-pool-exceed-time-limits',
    note: 'event id and paraphrase ("takes forever to shut down"), not the event text',
    text: String.raw`event 5013 from WAS every recycle, pool takes forever to shut down`,
  },

  // ================================================================ stack traces
  {
    id: 'st2-sql53-win32exception', corpus: 'mssql-errors', kind: 'stack-trace', set: 'dev', expect: sql(53),
    note: '.NET Framework SqlException, Named Pipes error 40 (same text as error 2); Win32Exception and Error Number 53 decide',
    text: String.raw`System.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server was not found or was not accessible. Verify that the instance name is correct and that SQL Server is configured to allow remote connections. (provider: Named Pipes Provider, error: 40 - Could not open a connection to SQL Server) ---> System.ComponentModel.Win32Exception (0x80004005): The network path was not found
   --- End of inner exception stack trace ---
   at System.Data.SqlClient.SqlInternalConnectionTds..ctor(DbConnectionPoolIdentity identity, SqlConnectionString connectionOptions, SqlCredential credential, Object providerInfo, String newPassword, SecureString newSecurePassword, Boolean redirectedUserInstance, SqlConnectionString userConnectionOptions, SessionData reconnectSessionData, DbConnectionPool pool, String accessToken, Boolean applyTransientFaultHandling, SqlAuthenticationProviderManager sqlAuthProviderManager)
   at System.Data.SqlClient.SqlConnectionFactory.CreateConnection(DbConnectionOptions options, DbConnectionPoolKey poolKey, Object poolGroupProviderInfo, DbConnectionPool pool, DbConnection owningConnection, DbConnectionOptions userOptions)
   at System.Data.ProviderBase.DbConnectionPool.CreateObject(DbConnection owningObject, DbConnectionOptions userOptions, DbConnectionInternal oldConnection)
   at System.Data.ProviderBase.DbConnectionPool.TryGetConnection(DbConnection owningObject, UInt32 waitForMultipleObjectsTimeout, Boolean allowCreate, Boolean onlyOneCheckConnection, DbConnectionOptions userOptions, DbConnectionInternal& connection)
   at System.Data.SqlClient.SqlConnection.Open()
   at Northwind.Billing.InvoiceExporter.LoadOpenInvoices(DateTime cutoff) in C:\src\billing\Northwind.Billing\InvoiceExporter.cs:line 58
   at Northwind.Billing.Program.Main(String[] args) in C:\src\billing\Northwind.Billing\Program.cs:line 21
ClientConnectionId:00000000-0000-0000-0000-000000000000
Error Number:53,State:0,Class:20`,
  },
  {
    id: 'st2-sql9002-hangfire', corpus: 'mssql-errors', kind: 'stack-trace', set: 'holdout', expect: sql(9002),
    note: 'Microsoft.Data.SqlClient exception from a Hangfire job; log_reuse_wait reason AVAILABILITY_REPLICA',
    text: String.raw`Hangfire.Server.Worker: Failed to process the job '48213': an exception occurred.
Microsoft.Data.SqlClient.SqlException (0x80131904): The transaction log for database 'JobsDb' is full due to 'AVAILABILITY_REPLICA'.
The statement has been terminated.
   at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action` + '`' + String.raw`1 wrapCloseInAction)
   at Microsoft.Data.SqlClient.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection, Action` + '`' + String.raw`1 wrapCloseInAction)
   at Microsoft.Data.SqlClient.TdsParser.ThrowExceptionAndWarning(TdsParserStateObject stateObj, Boolean callerHasConnectionLock, Boolean asyncClose)
   at Microsoft.Data.SqlClient.TdsParser.TryRun(RunBehavior runBehavior, SqlCommand cmdHandler, SqlDataReader dataStream, BulkCopySimpleResultSet bulkCopyHandler, TdsParserStateObject stateObj, Boolean& dataReady)
   at Microsoft.Data.SqlClient.SqlCommand.InternalExecuteNonQuery(TaskCompletionSource` + '`' + String.raw`1 completion, Boolean sendToPipe, Int32 timeout, Boolean& usedCache, Boolean asyncWrite, Boolean inRetry, String methodName)
   at Microsoft.Data.SqlClient.SqlCommand.ExecuteNonQuery()
   at Dapper.SqlMapper.ExecuteCommand(IDbConnection cnn, CommandDefinition& command, Action` + '`' + String.raw`2 paramReader)
   at Fabrikam.Jobs.AuditArchiver.MoveBatch(Int32 batchSize) in /src/Fabrikam.Jobs/AuditArchiver.cs:line 77
   at Fabrikam.Jobs.AuditArchiver.Run(PerformContext context) in /src/Fabrikam.Jobs/AuditArchiver.cs:line 41
ClientConnectionId:5d0c2b9e-7a41-4f3e-9c62-0b8e1d7a4c15
Error Number:9002,State:2,Class:17`,
  },
  {
    id: 'st2-iis401-soapproxy', corpus: 'mslearn-iis', kind: 'stack-trace', set: 'holdout', expect: 'access-denied-call-web-service',
    note: 'ASMX client proxy (SoapHttpClientProtocol) gets 401 from a service with anonymous auth off; near the Kerberos 401 article',
    text: String.raw`[WebException: The request failed with HTTP status 401: Access Denied.]
   System.Web.Services.Protocols.SoapHttpClientProtocol.ReadResponse(SoapClientMessage message, WebResponse response, Stream responseStream, Boolean asyncCall) +1769
   System.Web.Services.Protocols.SoapHttpClientProtocol.Invoke(String methodName, Object[] parameters) +345
   Intranet.HrDirectory.EmployeeService.GetManager(String samAccountName) in C:\Projects\Intranet\Web References\HrDirectory\Reference.cs:112
   Intranet.OrgChart.Page_Load(Object sender, EventArgs e) in C:\Projects\Intranet\OrgChart.aspx.cs:34
   System.Web.UI.Control.OnLoad(EventArgs e) +95
   System.Web.UI.Control.LoadRecursive() +59
   System.Web.UI.Page.ProcessRequestMain(Boolean includeStagesBeforeAsyncPoint, Boolean includeStagesAfterAsyncPoint) +678

Version Information: Microsoft .NET Framework Version:4.0.30319; ASP.NET Version:4.8.4645.0`,
  },
  {
    id: 'st2-ephemeral-10048-webexception', corpus: 'bundled', kind: 'stack-trace', set: 'dev', expect: E,
    note: '.NET Framework WebException wrapping SocketException 10048 (WSAEADDRINUSE) on connect',
    text: String.raw`System.Net.WebException: Unable to connect to the remote server ---> System.Net.Sockets.SocketException: Only one usage of each socket address (protocol/network address/port) is normally permitted 10.44.3.20:443
   at System.Net.Sockets.Socket.DoConnect(EndPoint endPointSnapshot, SocketAddress socketAddress)
   at System.Net.ServicePoint.ConnectSocketInternal(Boolean connectFailure, Socket s4, Socket s6, Socket& socket, IPAddress& address, ConnectSocketState state, IAsyncResult asyncResult, Exception& exception)
   --- End of inner exception stack trace ---
   at System.Net.HttpWebRequest.GetResponse()
   at Contoso.Pricing.RateClient.FetchRate(String sku, String currency) in D:\agent\_work\7\s\Contoso.Pricing\RateClient.cs:line 64
   at Contoso.Pricing.Controllers.QuoteController.Get(String sku) in D:\agent\_work\7\s\Contoso.Pricing\Controllers\QuoteController.cs:line 29`,
  },
  {
    id: 'st2-iis-servervariable-integrated', corpus: 'mslearn-iis', kind: 'stack-trace', set: 'dev', expect: 'exception-integrated-pipeline-mode',
    note: 'ASP.NET yellow-screen stack of the HttpException; ISAPI auth filter + Integrated pipeline',
    text: String.raw`[HttpException (0x80004005): This server variable cannot be modified during request execution.]
   System.Web.HttpServerVarsCollection.SynchronizeServerVariable(String name, String value) +3487915
   System.Web.HttpRequest.SynchronizeServerVariable(String name, String value) +54
   System.Web.Hosting.IIS7WorkerRequest.SynchronizeVariables(HttpContext context) +8743109
   System.Web.HttpApplication.PipelineStepManager.ResumeSteps(Exception error) +496
   System.Web.HttpApplication.BeginProcessRequestNotification(HttpContext context, AsyncCallback cb) +88
   System.Web.HttpRuntime.ProcessRequestNotificationPrivate(IIS7WorkerRequest wr, HttpContext context) +158

Version Information: Microsoft .NET Framework Version:4.0.30319; ASP.NET Version:4.8.4700.0`,
  },
  {
    id: 'st2-sql10060-jdbc', corpus: 'mssql-errors', kind: 'stack-trace', set: 'holdout', expect: sql(10060),
    note: 'JDBC driver wording of a connect timeout (no SQL error number); Caused by java.net.ConnectException',
    text: String.raw`2025-05-12 08:14:27.903 ERROR 4412 --- [           main] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Exception during pool initialization.

com.microsoft.sqlserver.jdbc.SQLServerException: The TCP/IP connection to the host sqlods02.corp.fabrikam.com, port 1433 has failed. Error: "Connection timed out: connect. Verify the connection properties. Make sure that an instance of SQL Server is running on the host and accepting TCP/IP connections at the port. Make sure that TCP connections to the port are not blocked by a firewall.".
	at com.microsoft.sqlserver.jdbc.SQLServerException.makeFromDriverError(SQLServerException.java:237)
	at com.microsoft.sqlserver.jdbc.SQLServerException.convertConnectExceptionToSQLServerException(SQLServerException.java:288)
	at com.microsoft.sqlserver.jdbc.SocketFinder.findSocket(IOBuffer.java:2467)
	at com.microsoft.sqlserver.jdbc.TDSChannel.open(IOBuffer.java:672)
	at com.microsoft.sqlserver.jdbc.SQLServerConnection.connectHelper(SQLServerConnection.java:3441)
	at com.microsoft.sqlserver.jdbc.SQLServerConnection.login(SQLServerConnection.java:3093)
	at com.microsoft.sqlserver.jdbc.SQLServerConnection.connectInternal(SQLServerConnection.java:2935)
	at com.microsoft.sqlserver.jdbc.SQLServerConnection.connect(SQLServerConnection.java:1806)
	at com.microsoft.sqlserver.jdbc.SQLServerDriver.connect(SQLServerDriver.java:1158)
	at com.zaxxer.hikari.util.DriverDataSource.getConnection(DriverDataSource.java:138)
	at com.zaxxer.hikari.pool.PoolBase.newConnection(PoolBase.java:359)
	at com.zaxxer.hikari.pool.HikariPool.checkFailFast(HikariPool.java:554)
	at com.fabrikam.ods.loader.OdsLoaderApplication.main(OdsLoaderApplication.java:22)
Caused by: java.net.ConnectException: Connection timed out: connect
	at java.base/sun.nio.ch.Net.connect0(Native Method)
	at java.base/sun.nio.ch.Net.connect(Net.java:589)
	at java.base/sun.nio.ch.NioSocketImpl.connect(NioSocketImpl.java:592)
	at java.base/java.net.Socket.connect(Socket.java:751)
	at com.microsoft.sqlserver.jdbc.SocketConnector.run(IOBuffer.java:2732)
	... 1 common frames omitted`,
  },
  {
    id: 'st2-schannel-java-handshake', corpus: 'bundled', kind: 'stack-trace', set: 'dev', expect: S,
    note: 'old Java 7/8 client (sun.security.ssl.Alerts frames) gets fatal alert handshake_failure from a hardened server',
    text: String.raw`javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure
	at sun.security.ssl.Alerts.getSSLException(Alerts.java:192)
	at sun.security.ssl.Alerts.getSSLException(Alerts.java:154)
	at sun.security.ssl.SSLSocketImpl.recvAlert(SSLSocketImpl.java:2023)
	at sun.security.ssl.SSLSocketImpl.readRecord(SSLSocketImpl.java:1125)
	at sun.security.ssl.SSLSocketImpl.performInitialHandshake(SSLSocketImpl.java:1375)
	at sun.security.ssl.SSLSocketImpl.startHandshake(SSLSocketImpl.java:1403)
	at sun.security.ssl.SSLSocketImpl.startHandshake(SSLSocketImpl.java:1387)
	at sun.net.www.protocol.https.HttpsClient.afterConnect(HttpsClient.java:559)
	at sun.net.www.protocol.https.AbstractDelegateHttpsURLConnection.connect(AbstractDelegateHttpsURLConnection.java:185)
	at sun.net.www.protocol.https.HttpsURLConnectionImpl.getOutputStream(HttpsURLConnectionImpl.java:275)
	at com.litware.edi.SoapPoster.post(SoapPoster.java:88)
	at com.litware.edi.OutboundQueue.drain(OutboundQueue.java:141)
	at java.lang.Thread.run(Thread.java:745)`,
  },
  {
    id: 'st2-sql1222-jdbc', corpus: 'mssql-errors', kind: 'stack-trace', set: 'dev', expect: sql(1222),
    note: 'JDBC lock timeout (SET LOCK_TIMEOUT in the app), Hibernate frames',
    text: String.raw`com.microsoft.sqlserver.jdbc.SQLServerException: Lock request time out period exceeded.
	at com.microsoft.sqlserver.jdbc.SQLServerException.makeFromDatabaseError(SQLServerException.java:265)
	at com.microsoft.sqlserver.jdbc.SQLServerStatement.getNextResult(SQLServerStatement.java:1673)
	at com.microsoft.sqlserver.jdbc.SQLServerPreparedStatement.doExecutePreparedStatement(SQLServerPreparedStatement.java:620)
	at com.microsoft.sqlserver.jdbc.SQLServerPreparedStatement$PrepStmtExecCmd.doExecute(SQLServerPreparedStatement.java:540)
	at com.microsoft.sqlserver.jdbc.TDSCommand.execute(IOBuffer.java:7627)
	at com.microsoft.sqlserver.jdbc.SQLServerConnection.executeCommand(SQLServerConnection.java:3912)
	at com.microsoft.sqlserver.jdbc.SQLServerPreparedStatement.executeQuery(SQLServerPreparedStatement.java:458)
	at com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeQuery(HikariProxyPreparedStatement.java)
	at org.hibernate.engine.jdbc.internal.ResultSetReturnImpl.extract(ResultSetReturnImpl.java:57)
	at org.hibernate.loader.Loader.getResultSet(Loader.java:2341)
	at com.tailspin.inventory.repo.StockRepository.findForUpdate(StockRepository.java:73)
	at com.tailspin.inventory.service.ReservationService.reserve(ReservationService.java:118)`,
  },
  {
    id: 'st2-sql18456-pyodbc', corpus: 'mssql-errors', kind: 'stack-trace', set: 'dev', expect: sql(18456),
    note: 'SQLAlchemy + pyodbc traceback; SQLSTATE 28000 and native error (18456) inside the message',
    text: String.raw`Traceback (most recent call last):
  File "/opt/etl/venv/lib/python3.11/site-packages/sqlalchemy/engine/base.py", line 145, in __init__
    self._dbapi_connection = engine.raw_connection()
  File "/opt/etl/venv/lib/python3.11/site-packages/sqlalchemy/engine/default.py", line 620, in connect
    return self.loaded_dbapi.connect(*cargs, **cparams)
pyodbc.InterfaceError: ('28000', "[28000] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]Login failed for user 'etl_loader'. (18456) (SQLDriverConnect)")

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "/opt/etl/load_sales.py", line 41, in <module>
    with engine.begin() as conn:
  File "/opt/etl/venv/lib/python3.11/site-packages/sqlalchemy/engine/base.py", line 3238, in begin
    with self.connect() as conn:
sqlalchemy.exc.InterfaceError: (pyodbc.InterfaceError) ('28000', "[28000] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]Login failed for user 'etl_loader'. (18456) (SQLDriverConnect)")
(Background on this error at: https://sqlalche.me/e/20/rvf5)`,
  },
  {
    id: 'st2-sql208-pyodbc-pandas', corpus: 'mssql-errors', kind: 'stack-trace', set: 'holdout', expect: sql(208),
    note: 'pandas.read_sql over pyodbc; SQLSTATE 42S02 and native error (208)',
    text: String.raw`Traceback (most recent call last):
  File "C:\jobs\fx\refresh_rates.py", line 27, in <module>
    rates = pd.read_sql("SELECT ccy, rate, as_of FROM staging.DailyFx WHERE as_of = ?", conn, params=[run_date])
  File "C:\jobs\fx\.venv\Lib\site-packages\pandas\io\sql.py", line 706, in read_sql
    return pandas_sql.read_query(
  File "C:\jobs\fx\.venv\Lib\site-packages\pandas\io\sql.py", line 2738, in read_query
    cursor = self.execute(sql, params)
  File "C:\jobs\fx\.venv\Lib\site-packages\pandas\io\sql.py", line 2686, in execute
    raise ex from exc
pandas.errors.DatabaseError: Execution failed on sql 'SELECT ccy, rate, as_of FROM staging.DailyFx WHERE as_of = ?': ('42S02', "[42S02] [Microsoft][ODBC Driver 17 for SQL Server][SQL Server]Invalid object name 'staging.DailyFx'. (208) (SQLExecDirectW)")`,
  },
  {
    id: 'st2-schannel-python-requests', corpus: 'bundled', kind: 'stack-trace', set: 'holdout', expect: S,
    note: 'requests/urllib3 SSLError with OpenSSL alert handshake failure (partner disabled old ciphers)',
    text: String.raw`Traceback (most recent call last):
  File "/usr/lib/python3/dist-packages/urllib3/connectionpool.py", line 699, in urlopen
    httplib_response = self._make_request(
  File "/usr/lib/python3/dist-packages/urllib3/connectionpool.py", line 382, in _make_request
    self._validate_conn(conn)
  File "/usr/lib/python3/dist-packages/urllib3/connection.py", line 411, in connect
    self.sock = ssl_wrap_socket(
  File "/usr/lib/python3.8/ssl.py", line 1309, in do_handshake
    self._sslobj.do_handshake()
ssl.SSLError: [SSL: SSLV3_ALERT_HANDSHAKE_FAILURE] sslv3 alert handshake failure (_ssl.c:1131)

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/srv/edi/send_asn.py", line 92, in post_asn
    r = session.post(ENDPOINT, data=payload, timeout=30)
  File "/usr/lib/python3/dist-packages/requests/adapters.py", line 514, in send
    raise SSLError(e, request=request)
requests.exceptions.SSLError: HTTPSConnectionPool(host='edi.northwindtraders.com', port=443): Max retries exceeded with url: /as2/inbound (Caused by SSLError(SSLError(1, '[SSL: SSLV3_ALERT_HANDSHAKE_FAILURE] sslv3 alert handshake failure (_ssl.c:1131)')))`,
  },
  {
    id: 'st2-sql10061-node-tedious', corpus: 'mssql-errors', kind: 'stack-trace', set: 'dev', expect: sql(10061),
    note: 'Node mssql/tedious ESOCKET wrapping connect ECONNREFUSED to port 1433 (instance not running); errno -111 near the nginx "111" article',
    text: String.raw`ConnectionError: Failed to connect to 10.31.8.14:1433 - connect ECONNREFUSED 10.31.8.14:1433
    at /srv/orders-api/node_modules/mssql/lib/tedious/connection-pool.js:85:17
    at Connection.onConnect (/srv/orders-api/node_modules/tedious/lib/connection.js:849:9)
    at Object.onceWrapper (node:events:633:26)
    at Connection.emit (node:events:518:28)
    at Connection.emit (/srv/orders-api/node_modules/tedious/lib/connection.js:970:18)
    at Connection.socketError (/srv/orders-api/node_modules/tedious/lib/connection.js:1353:12)
    at /srv/orders-api/node_modules/tedious/lib/connection.js:1146:14
    at process.processTicksAndRejections (node:internal/process/task_queues:85:11) {
  code: 'ESOCKET',
  originalError: ConnectionError: Failed to connect to 10.31.8.14:1433 - connect ECONNREFUSED 10.31.8.14:1433
      at Connection.socketError (/srv/orders-api/node_modules/tedious/lib/connection.js:1353:28)
      at /srv/orders-api/node_modules/tedious/lib/connection.js:1146:14 {
    code: 'ESOCKET',
    [cause]: Error: connect ECONNREFUSED 10.31.8.14:1433
        at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {
      errno: -111,
      code: 'ECONNREFUSED',
      syscall: 'connect',
      address: '10.31.8.14',
      port: 1433
    }
  }
}`,
  },

  // ================================================================ negatives (terse / stack-trace shaped)
  neg({
    id: 'neg2-docker-volume-perm', corpus: 'bundled', set: 'dev',
    note: 'terse-shaped: container bind-mount permissions, not in the KB',
    text: String.raw`docker compose bind mount permission denied, postgres cant write data dir on rhel`,
  }),
  neg({
    id: 'neg2-python-keyerror', corpus: 'bundled', set: 'holdout',
    note: 'near-miss: pandas KeyError for a missing column (cf. SQL 207 Invalid column name), not a SQL Server error',
    text: String.raw`Traceback (most recent call last):
  File "/home/jk/reports/monthly.py", line 57, in <module>
    summary = build_summary(df)
  File "/home/jk/reports/monthly.py", line 33, in build_summary
    totals = df.groupby("region")["net_revenue"].sum()
  File "/home/jk/.local/lib/python3.12/site-packages/pandas/core/groupby/generic.py", line 1951, in __getitem__
    return super().__getitem__(key)
  File "/home/jk/.local/lib/python3.12/site-packages/pandas/core/base.py", line 244, in __getitem__
    raise KeyError(f"Column not found: {key}")
KeyError: 'Column not found: net_revenue'`,
  }),
  neg({
    id: 'neg2-node-redis-refused', corpus: 'bundled', set: 'dev',
    note: 'near-miss: Node connect ECONNREFUSED, but to a local Redis (ioredis), not SQL Server or an upstream',
    text: String.raw`[ioredis] Unhandled error event: Error: connect ECONNREFUSED 127.0.0.1:6379
    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)
    at TCPConnectWrap.callbackTrampoline (node:internal/async_hooks:130:17)
[ioredis] Unhandled error event: Error: connect ECONNREFUSED 127.0.0.1:6379
    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)
    at TCPConnectWrap.callbackTrampoline (node:internal/async_hooks:130:17)`,
  }),
  neg({
    id: 'neg2-ssis-0xc0202009', corpus: 'mssql-errors', set: 'holdout',
    note: 'near-miss, terse-shaped: SQL Server Agent / SSIS package failure, no KB article on SSIS',
    text: String.raw`ssis package fails in sql agent job with 0xC0202009, runs fine from visual studio`,
  }),
]
