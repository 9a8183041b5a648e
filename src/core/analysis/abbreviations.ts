/**
 * The built-in synonyms: abbreviations and variant spellings that IT people write for the same
 * thing, applied to every KB (a KB adds its own in `synonyms.yml`). Each group's first entry is
 * its canonical form, which the others are read as. Generic IT words only, never a product name
 * (a KB's own names belong in its synonyms.yml), and never a word that is also a common path or
 * identifier part (`net` of ASP.NET, `var` and `lib` of Unix paths), which would be rewritten
 * wherever it occurs. A plural needs no entry of its own: terms are compared stemmed (`certs` is
 * `cert`). Only words for the same thing: `timed out` is not `timeout`, which is mostly a
 * setting's name (`proxy timeout`, `nfs timeout`); as one entry it made pastes naming a timeout
 * setting match articles about something that timed out (in the eval: 2 described pastes of
 * gitlab-troubleshooting and 1 stack trace of mssql-errors lost, none gained). `no longer` is
 * how people say that something stopped (`webhook no longer fires`, `webhooks stopped working`);
 * read as its words, its `no` matched the `no` of an absence (`no instances were found`).
 * Each entry is tested both ways in test/synonyms.test.ts. Changing this list changes the index's
 * terms: bump ANALYSIS_VERSION.
 */
export const BUILTIN_SYNONYMS: ReadonlyArray<readonly string[]> = [
  ['application pool', 'app pool', 'apppool'],
  ['application', 'app'],
  ['certificate', 'cert'],
  ['database', 'db'],
  ['authentication', 'auth', 'authn'],
  ['authorization', 'authz'],
  ['configuration', 'config', 'cfg'],
  ['email', 'e-mail', 'mail'],
  ['password', 'pwd', 'passwd'],
  ['repository', 'repo'],
  ['directory', 'dir', 'folder'],
  ['environment', 'env'],
  ['administrator', 'admin'],
  ['permission', 'perms'],
  ['credentials', 'creds'],
  ['connection', 'conn'],
  ['service', 'svc'],
  ['message', 'msg'],
  ['error', 'err'],
  ['kubernetes', 'k8s'],
  ['virtual machine', 'vm', 'vms'],
  ['tls', 'ssl'],
  ['dns', 'name resolution'],
  ['login', 'log in', 'logon', 'log on', 'sign in', 'signin'],
  ['logout', 'log out', 'logoff', 'log off', 'sign out', 'signout'],
  ['username', 'user name'],
  ['hostname', 'host name'],
  ['filesystem', 'file system'],
  ['parameter', 'params'],
  ['request', 'req'],
  ['response', 'resp'],
  ['memory', 'mem', 'ram'],
  ['stop', 'no longer'],
]
