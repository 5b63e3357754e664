<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context><name>Sync</name>
<message><source>立即同步</source><translation>Sync now</translation></message>
<message><source>网站数据库连接设置…</source><translation>Site database connection…</translation></message>
<message><source>从未</source><translation>never</translation></message>
<message><source>上次同步：{when}　待同步：{n} 项</source><translation>Last sync: {when}   Pending: {n}</translation></message>
<message><source>同步失败</source><translation>Sync failed</translation></message>
<message><source>冲突 {n} 项</source><translation>{n} conflict(s)</translation></message>
<message><source>正在同步……</source><translation>Syncing…</translation></message>
<message><source>正在上传本地更改</source><translation>Uploading local changes</translation></message>
<message><source>正在下载其他工作站的更改</source><translation>Downloading other workstations' changes</translation></message>
<message><source>正在连接网站数据库</source><translation>Connecting to the site database</translation></message>
<message><source>正在连接网站数据库……</source><translation>Connecting to the site database…</translation></message>
<message><source>取消</source><translation>Cancel</translation></message>
<message><source>同步</source><translation>Sync</translation></message>
<message><source>正在取消：等当前一小步完成后停止……</source><translation>Cancelling: stopping after the current step…</translation></message>
<message><source>网站数据库密码</source><translation>Site database password</translation></message>
<message><source>请输入 {who} 的数据库密码（本机没有可用的系统密钥环，密码只在本次运行中保存在内存里）</source><translation>Enter the database password of {who} (no system keyring here: it is kept in memory for this session only)</translation></message>
</context>
<context><name>SyncConflicts</name>
<message><source>{kind}：{title}</source><translation>{kind}: {title}</translation></message>
<message><source>信息状态</source><translation>Item state</translation></message>
<message><source>决定</source><translation>Decision</translation></message>
<message><source>审核中</source><translation>In review</translation></message>
<message><source>审核人</source><translation>Reviewer</translation></message>
<message><source>已发布</source><translation>Published</translation></message>
<message><source>已失效</source><translation>Stale</translation></message>
<message><source>已批准</source><translation>Approved</translation></message>
<message><source>已被新版本替换</source><translation>Replaced by a newer version</translation></message>
<message><source>已退回</source><translation>Returned</translation></message>
<message><source>待同步发布</source><translation>Awaiting publication by sync</translation></message>
<message><source>意见</source><translation>Comment</translation></message>
<message><source>时间</source><translation>Time</translation></message>
<message><source>最新版本</source><translation>Latest version</translation></message>
<message><source>标题</source><translation>Title</translation></message>
<message><source>版本</source><translation>Version</translation></message>
<message><source>版本状态</source><translation>Version state</translation></message>
<message><source>状态</source><translation>State</translation></message>
<message><source>索引号</source><translation>Index number</translation></message>
<message><source>草稿</source><translation>Draft</translation></message>
<message><source>同步冲突</source><translation>Sync conflicts</translation></message>
<message><source>保留我的（重新提交）</source><translation>Keep mine (send again)</translation></message>
<message><source>采用网站数据库的</source><translation>Take the site database's</translation></message>
<message><source>忽略</source><translation>Dismiss</translation></message>
<message><source>没有待处理的同步冲突。</source><translation>No sync conflicts to settle.</translation></message>
<message><source>本工作站（我的）</source><translation>This workstation (mine)</translation></message>
<message><source>网站数据库（对方的）</source><translation>Site database (theirs)</translation></message>
<message><source>（无标题）</source><translation>(untitled)</translation></message>
<message><source>审批意见绑定于当时的版本，不能重发；请对最新版本重新审核</source><translation>A decision is bound to the version it was made on; review the latest version again</translation></message>
<message><source>审批已失效</source><translation>Stale decision</translation></message>
<message><source>已被取代</source><translation>Superseded</translation></message>
<message><source>先提交者生效</source><translation>First commit won</translation></message>
<message><source>已撤稿</source><translation>Withdrawn</translation></message>
<message><source>状态未能跟随</source><translation>State not followed</translation></message>
<message><source>被拒绝</source><translation>Refused</translation></message>
<message><source>目录不一致</source><translation>Directory mismatch</translation></message>
<message><source>附件问题</source><translation>Attachment problem</translation></message>
<message><source>索引号已调整</source><translation>Index number reassigned</translation></message>
<message><source>批准</source><translation>approve</translation></message>
<message><source>退回</source><translation>return</translation></message>
</context>
<context><name>SyncSettings</name>
<message><source>网站数据库连接设置</source><translation>Site database connection</translation></message>
<message><source>数据库地址</source><translation>Database URL</translation></message>
<message><source>数据库用户</source><translation>Database user</translation></message>
<message><source>密码</source><translation>Password</translation></message>
<message><source>自动同步间隔</source><translation>Sync every</translation></message>
<message><source> 分钟</source><translation> min</translation></message>
<message><source>测试连接</source><translation>Test connection</translation></message>
<message><source>留空则沿用已保存的密码</source><translation>Leave empty to keep the saved password</translation></message>
<message><source>密码保存在系统密钥环中</source><translation>The password is kept in the system keyring</translation></message>
<message><source>本机没有可用的系统密钥环：密码只在本次运行中保存在内存里</source><translation>No system keyring here: the password is kept in memory for this session only</translation></message>
<message><source>正在连接……</source><translation>Connecting…</translation></message>
<message><source>无法连接：</source><translation>Cannot connect: </translation></message>
<message><source>连接成功，网站数据库结构版本 {v}</source><translation>Connected; site database schema version {v}</translation></message>
</context>
</TS>
