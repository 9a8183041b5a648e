// More pastes for the mssql-errors corpus (MicrosoftDocs/sql-docs error pages), asked against a KB
// built from that corpus alone: problems told in the user's own words (`described`), GUI dialogs,
// terminal output, error logs, plus negatives for that KB (near-misses from SQL Server and other
// database products, and products it does not cover at all).
// expect = importer id: file base name (`sql(n)`, see articles.mjs). Servers, databases, users,
// paths, ids and times are invented; only the error strings are the product's.

import { sql } from './articles.mjs'

const neg = (c) => ({ kind: 'negative', expect: null, ...c })

const cases = [
  // ================================================================ described (own words)
  {
    id: 'sql1205-described-1', kind: 'described', set: 'holdout', expect: sql(1205),
    note: 'own words: deadlock victim, rerun works; no number',
    text: String.raw`our nightly invoice import keeps dying with a "chosen as the deadlock victim" error. when i rerun it by hand in the morning it goes through fine. there's another job updating the same tables around 2am`,
  },
  {
    id: 'sql4064-described-1', kind: 'described', set: 'dev', expect: sql(4064),
    note: 'own words: detached database was the logins\' default; no message text',
    text: String.raw`After we detached the old Sales2019 db a few people can't get into the server with SSMS at all anymore. Their logins are still there. I think that db was set as their default?`,
  },
  {
    id: 'sql2-described-1', kind: 'described', set: 'dev', expect: sql(2),
    note: 'own words: same client message as error 53 / 10061, but the service is not running',
    text: String.raw`every app and every ssms on the floor gets the "error 40 - could not open a connection to sql server" thing since the patch reboot last night. in services.msc the SQL Server (MSSQLSERVER) service shows stopped, startup type manual`,
  },
  {
    id: 'sql53-described-1', kind: 'described', set: 'holdout', expect: sql(53),
    note: 'own words: name does not resolve (same dialog text as error 2)',
    text: String.raw`SSMS on my laptop gives the network-related / instance-specific error when i connect to SQLRPT-02, error 53. if i ping SQLRPT-02 it says it could not find the host, with the IP it connects fine`,
  },
  {
    id: 'sql926-described-1', kind: 'described', set: 'dev', expect: sql(926),
    note: 'own words: suspect database after a storage outage',
    text: String.raw`after the SAN went down on friday one of our databases shows "(Suspect)" next to its name in object explorer and nobody can open it. the others came back ok`,
  },
  {
    id: 'sql1807-described-1', kind: 'described', set: 'holdout', expect: sql(1807),
    note: 'own words: CREATE DATABASE cannot lock model; misremembers "exclusive access"',
    text: String.raw`create database fails every time with something like "could not obtain exclusive lock on database model, retry later". retrying doesn't help. i think someone left a query window open on model`,
  },
  {
    id: 'sql3159-described-1', kind: 'described', set: 'dev', expect: sql(3159),
    note: 'own words: restore over an existing db refused because of the tail-log backup',
    text: String.raw`Trying to restore last night's .bak over our TEST db and SQL refuses, says the tail of the log hasn't been backed up. I don't care about whats in test now, just want it overwritten`,
  },
  {
    id: 'sql3156-described-1', kind: 'described', set: 'dev', expect: sql(3156),
    note: 'own words: restore to a server without the original drive; mentions WITH MOVE casually',
    text: String.raw`restoring the prod backup on the new dev box fails. prod keeps the mdf on a D: drive, dev only has C: and E:. the error says the file cannot be restored and to use WITH MOVE, how do i do that from the gui?`,
  },
  {
    id: 'sql802-described-1', kind: 'described', set: 'holdout', expect: sql(802),
    note: 'own words: buffer pool memory errors on a small VM; "mem" abbreviation',
    text: String.raw`our 8 GB dev vm throws "insufficient memory available in the buffer pool" whenever the ssis package runs next to the db engine. max server mem was never changed from the default`,
  },
  {
    id: 'sql17883-described-1', kind: 'described', set: 'dev', expect: sql(17883),
    note: 'own words: non-yielding scheduler, server freezes',
    text: String.raw`every few days the sql box freezes for a minute or so. in the errorlog there are "non-yielding on scheduler" messages and a stack dump file gets written to the LOG folder each time`,
  },
  {
    id: 'sql833-described-1', kind: 'described', set: 'holdout', expect: sql(833),
    note: 'own words: slow I/O warnings; misremembers the threshold wording',
    text: String.raw`sql errorlog keeps warning about I/O requests taking longer than 15 seconds on the tempdb files. storage team says the SAN is fine. what else can cause this`,
  },
  {
    id: 'sql8645-described-1', kind: 'described', set: 'dev', expect: sql(8645),
    note: 'own words: memory grant time-outs at month end',
    text: String.raw`big reports at month end fail with a timeout "waiting for memory resources to execute the query". activity monitor shows a pile of RESOURCE_SEMAPHORE waits while it happens`,
  },
  {
    id: 'sql8621-described-1', kind: 'described', set: 'dev', expect: sql(8621),
    note: 'own words: ORM builds a huge IN list',
    text: String.raw`Our ORM turns a filter into an IN list with ~30k ids and SQL Server comes back with "the query processor ran out of stack space". Smaller lists are fine.`,
  },
  {
    id: 'sql17142-described-1', kind: 'described', set: 'holdout', expect: sql(17142),
    note: 'own words: service paused (not stopped) in Configuration Manager',
    text: String.raw`apps can't open new connections but existing sessions still work. turns out someone clicked Pause on the sql service in config manager instead of stop. new logins are refused`,
  },
  {
    id: 'sql14420-described-1', kind: 'described', set: 'dev', expect: sql(14420),
    note: 'own words: log shipping backup alert on the primary',
    text: String.raw`the log shipping alert fires on our primary every morning, says it hasn't done a log backup for 240 min. the agent service is running. where do i look?`,
  },
  {
    id: 'sql15517-described-1', kind: 'described', set: 'holdout', expect: sql(15517),
    note: 'own words: EXECUTE AS fails after restoring a db from another server',
    text: String.raw`procs that use EXECUTE AS OWNER all fail since we restored the db from the old server. error says it cannot execute as the database principal because it doesn't exist or can't be impersonated`,
  },
  {
    id: 'sql18452-described-1', kind: 'described', set: 'dev', expect: sql(18452),
    note: 'own words: SQL login on a Windows-auth-only server; "sql auth"',
    text: String.raw`made a sql auth login for the vendor's app but it can't log in. the message says the login is a SQL Server login and can't be used with Windows Authentication. the instance was installed with windows auth only i think`,
  },
  {
    id: 'sql3417-described-1', kind: 'described', set: 'holdout', expect: sql(3417),
    note: 'own words: service does not start after master files were moved',
    text: String.raw`sql service won't start since a colleague moved the master db files to the new drive. last line in the errorlog is something about cannot recover the master database`,
  },

  // ================================================================ logs, dialogs, terminals, traces
  {
    id: 'sql17204-applog-1', kind: 'app-log', set: 'dev', expect: sql(17204),
    note: 'ERRORLOG at startup: data file not openable (OS error 5)',
    text: String.raw`2026-02-09 06:14:02.51 spid9s      Starting up database 'msdb'.
2026-02-09 06:14:02.53 spid12s     Starting up database 'Staging'.
2026-02-09 06:14:02.58 spid12s     Error: 17204, Severity: 16, State: 1.
2026-02-09 06:14:02.58 spid12s     FCB::Open failed: Could not open file F:\SQLData\Staging.mdf for file number 1.  OS error: 5(Access is denied.).
2026-02-09 06:14:02.61 spid12s     Error: 5120, Severity: 16, State: 101.
2026-02-09 06:14:02.61 spid12s     Unable to open the physical file "F:\SQLData\Staging.mdf". Operating system error 5: "5(Access is denied.)".
2026-02-09 06:14:02.75 spid9s      Recovery is complete. This is an informational message only. No user action is required.`,
  },
  {
    id: 'sql605-event-1', kind: 'event-viewer', set: 'holdout', expect: sql(605),
    note: 'Application log: page belongs to another allocation unit',
    text: String.raw`Log Name:      Application
Source:        MSSQLSERVER
Date:          3/18/2026 10:41:27 PM
Event ID:      605
Task Category: Server
Level:         Error
Keywords:      Classic
User:          CORP\svc_reporting
Computer:      SQL-BI-03.corp.fabrikam.net
Description:
Attempt to fetch logical page (1:883104) in database 9 failed. It belongs to allocation unit 72057594113294336 not to 72057594047692800.`,
  },
  {
    id: 'sql1101-terminal-1', kind: 'terminal', set: 'dev', expect: sql(1101),
    note: 'CI deploy step running Invoke-Sqlcmd; tempdb out of space',
    text: String.raw`##[section]Starting: Run data migration
==============================================================================
Task         : PowerShell
Version      : 2.247.1
==============================================================================
PS> Invoke-Sqlcmd -ServerInstance 'sql-uat-01' -Database 'Billing' -InputFile .\migrations\0042_backfill.sql -QueryTimeout 0
Invoke-Sqlcmd : Could not allocate a new page for database 'tempdb' because of insufficient disk space in filegroup 'PRIMARY'. Create the necessary space by dropping objects in the filegroup, adding additional files to the filegroup, or setting autogrowth on for existing files in the filegroup.
 Msg 1101, Level 17, State 2, Procedure , Line 58.
At D:\agent\_work\_temp\9a41c2e0.ps1:3 char:1
##[error]PowerShell exited with code '1'.`,
  },
  {
    id: 'sql3156-terminal-1', kind: 'terminal', set: 'holdout', expect: sql(3156),
    note: 'PowerShell restore of a production backup onto a server without its drive layout',
    text: String.raw`PS C:\dba> Restore-SqlDatabase -ServerInstance 'SQLQA02' -Database 'Payroll' -BackupFile '\\backup01\sql\Payroll_FULL_20260301.bak' -ReplaceDatabase
Restore-SqlDatabase : System.Data.SqlClient.SqlError: File 'Payroll_Data' cannot be restored to 'G:\MSSQL16.MSSQLSERVER\MSSQL\DATA\Payroll.mdf'. Use WITH MOVE to identify a valid location for the file.
At line:1 char:1
+ Restore-SqlDatabase -ServerInstance 'SQLQA02' -Database 'Payroll' -Ba ...
+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
    + CategoryInfo          : InvalidOperation: (:) [Restore-SqlDatabase], SmoException
    + FullyQualifiedErrorId : ExecutionFailed,Microsoft.SqlServer.Management.PowerShell.RestoreSqlDatabaseCommand`,
  },
  {
    id: 'sql7308-dialog-1', kind: 'dialog', set: 'dev', expect: sql(7308),
    note: 'SSMS message box when querying an Excel linked server',
    text: String.raw`Microsoft SQL Server Management Studio
---------------------------
An exception occurred while executing a Transact-SQL statement or batch. (Microsoft.SqlServer.ConnectionInfo)

------------------------------
ADDITIONAL INFORMATION:

OLE DB provider 'Microsoft.ACE.OLEDB.16.0' cannot be used for distributed queries because the provider is configured to run in single-threaded apartment mode. (Microsoft SQL Server, Error: 7308)
---------------------------
OK`,
  },
  {
    id: 'sql41301-stack-1', kind: 'stack-trace', set: 'dev', expect: sql(41301),
    note: '.NET SqlException from a memory-optimized table workload',
    text: String.raw`Microsoft.Data.SqlClient.SqlException (0x80131904): A previous transaction that the current transaction took a dependency on has aborted, and the current transaction can no longer commit.
   at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action` + '`' + String.raw`1 wrapCloseInAction)
   at Microsoft.Data.SqlClient.SqlInternalConnectionTds.ExecuteTransaction(TransactionRequest transactionRequest, String name, IsolationLevel iso, SqlInternalTransaction internalTransaction, Boolean isDelegateControlRequest)
   at Microsoft.Data.SqlClient.SqlTransaction.Commit()
   at Northwind.Sessions.SessionStore.Save(SessionState state) in C:\build\src\Sessions\SessionStore.cs:line 117
ClientConnectionId:4be0d3a1-77c2-4f1e-8d6a-0c2f9e51b7aa
Error Number:41301,State:1,Class:16`,
  },
  {
    id: 'sql3313-applog-1', kind: 'app-log', set: 'dev', expect: sql(3313),
    note: 'ERRORLOG: redo fails at startup, database goes suspect',
    text: String.raw`2026-01-27 04:02:11.20 spid23s     Starting up database 'Inventory'.
2026-01-27 04:02:11.94 spid23s     Recovery of database 'Inventory' (7) is 0% complete (approximately 412 seconds remain). Phase 2 of 3. This is an informational message only. No user action is required.
2026-01-27 04:02:19.33 spid23s     Error: 3313, Severity: 21, State: 2.
2026-01-27 04:02:19.33 spid23s     During redoing of a logged operation in database 'Inventory', an error occurred at log record ID (88214:17732:6). Typically, the specific failure is previously logged as an error in the operating system error log. Restore the database from a full backup, or repair the database.
2026-01-27 04:02:19.41 spid23s     Error: 3414, Severity: 21, State: 1.`,
  },
  {
    id: 'sql17803-event-1', kind: 'event-viewer', set: 'holdout', expect: sql(17803),
    note: 'Application log: memory allocation failure while a client connects',
    text: String.raw`Log Name:      Application
Source:        MSSQL$SHAREPOINT
Date:          5/6/2026 2:27:55 PM
Event ID:      17803
Task Category: Logon
Level:         Error
Keywords:      Classic
User:          N/A
Computer:      SPSQL01
Description:
There was a memory allocation failure during connection establishment. Reduce nonessential memory load, or increase system memory. The connection has been closed. [CLIENT: 10.40.8.61]`,
  },
  {
    id: 'sql8966-truncated-1', kind: 'truncated', set: 'dev', expect: sql(8966),
    note: 'DBCC CHECKDB output copied only partly',
    text: String.raw`DBCC results for 'Claims'.
Msg 8966, Level 16, State 2, Line 1
Unable to read and latch page (1:40392) with latch type SH. 23(Data error (cyclic redundancy check).) fail`,
  },

  // ================================================================ negatives for this KB
  neg({
    id: 'sqlneg-2628-truncation', set: 'dev',
    note: 'near-miss: SQL Server client output, but string truncation is not in the corpus',
    text: String.raw`(0 rows affected)
Msg 2628, Level 16, State 1, Line 14
String or binary data would be truncated in table 'CRM.dbo.Contact', column 'Phone'. Truncated value: '+44 20 7946 01'.
The statement has been terminated.

Completion time: 2026-04-02T09:12:40.5521873+01:00`,
  }),
  neg({
    id: 'sqlneg-2627-pk-violation', set: 'holdout',
    note: 'near-miss: duplicate key on INSERT (the corpus has duplicate keys only for CREATE UNIQUE INDEX, 1505)',
    text: String.raw`Msg 2627, Level 14, State 1, Line 3
Violation of PRIMARY KEY constraint 'PK_OrderLine'. Cannot insert duplicate key in object 'dbo.OrderLine'. The duplicate key value is (100482, 3).
The statement has been terminated.`,
  }),
  neg({
    id: 'sqlneg-547-fk', set: 'dev',
    note: 'near-miss: foreign key conflict from an app log; not in the corpus',
    text: String.raw`2026-03-11 17:03:55.118 +00:00 [ERR] Failed executing DbCommand (12ms) [Parameters=[@p0='?' (DbType = Int32), @p1='?' (Size = 200)], CommandType='Text', CommandTimeout='30']
Microsoft.EntityFrameworkCore.DbUpdateException: An error occurred while saving the entity changes. See the inner exception for details.
 ---> Microsoft.Data.SqlClient.SqlException (0x80131904): The INSERT statement conflicted with the FOREIGN KEY constraint "FK_Invoice_Customer". The conflict occurred in database "Billing", table "dbo.Customer", column 'CustomerId'.`,
  }),
  neg({
    id: 'sqlneg-245-conversion', set: 'dev',
    note: 'near-miss: data conversion error, not in the corpus',
    text: String.raw`Msg 245, Level 16, State 1, Line 22
Conversion failed when converting the varchar value 'N/A' to data type int.`,
  }),
  neg({
    id: 'sqlneg-ag-replica-described', set: 'holdout',
    note: 'near-miss in own words: Always On availability group trouble, not in the corpus',
    text: String.raw`our always on AG secondary shows "not synchronizing" since the network maintenance and the dashboard says the connection to the primary replica is not active. how do i get it syncing again`,
  }),
  neg({
    id: 'sqlneg-postgres-deadlock', set: 'dev',
    note: 'other product, same problem class: PostgreSQL deadlock (the corpus covers SQL Server 1205 only)',
    text: String.raw`2026-02-17 08:30:12.441 UTC [41877] ERROR:  deadlock detected
2026-02-17 08:30:12.441 UTC [41877] DETAIL:  Process 41877 waits for ShareLock on transaction 9981234; blocked by process 41902.
	Process 41902 waits for ShareLock on transaction 9981230; blocked by process 41877.
2026-02-17 08:30:12.441 UTC [41877] HINT:  See server log for query details.
2026-02-17 08:30:12.441 UTC [41877] CONTEXT:  while updating tuple (1204,7) in relation "stock_level"`,
  }),
  neg({
    id: 'sqlneg-mongo-econnrefused', set: 'dev',
    note: 'out of KB: Node MongoDB driver cannot reach the server',
    text: String.raw`MongoServerSelectionError: connect ECONNREFUSED 10.0.4.12:27017
    at Timeout._onTimeout (/srv/api/node_modules/mongodb/lib/sdam/topology.js:278:38)
    at listOnTimeout (node:internal/timers:581:17)
    at process.processTimers (node:internal/timers:519:7) {
  reason: TopologyDescription {
    type: 'Unknown',
    servers: Map(1) { 'mongo-01:27017' => [ServerDescription] },`,
  }),
  neg({
    id: 'sqlneg-pandas-keyerror', set: 'dev',
    note: 'out of KB: Python pandas KeyError',
    text: String.raw`Traceback (most recent call last):
  File "/opt/etl/load_sales.py", line 41, in <module>
    df["net_amount"] = df["gross"] - df["tax"]
  File "/opt/etl/.venv/lib/python3.11/site-packages/pandas/core/frame.py", line 3893, in __getitem__
    indexer = self.columns.get_loc(key)
  File "/opt/etl/.venv/lib/python3.11/site-packages/pandas/core/indexes/base.py", line 3797, in get_loc
    raise KeyError(key) from err
KeyError: 'gross'`,
  }),
]

export default cases.map((c) => ({ corpus: 'mssql-errors', ...c }))
