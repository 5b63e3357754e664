<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
  <context>
    <name>Admin</name>
    <message>
      <source>不保存</source>
      <translation>Don't save</translation>
    </message>
    <message>
      <source>仍然保存</source>
      <translation>Save anyway</translation>
    </message>
    <message>
      <source>保存后，这些草稿将不能再提交审核；起草人可以在编辑窗口中把从未提交过的草稿移到其他栏目，被退回的则无法移动。仍要保存吗？</source>
      <translation>Once saved, these drafts can no longer be submitted for review; drafters can move drafts that were never submitted to another column in the editor, but returned ones cannot move. Save anyway?</translation>
    </message>
    <message>
      <source>栏目“{name}”中有 {n} 条尚未提交的草稿。</source>
      <translation>The column “{name}” holds {n} unsubmitted draft(s).</translation>
    </message>
    <message>
      <source>栏目中还有草稿</source>
      <translation>The column still holds drafts</translation>
    </message>
    <message>
      <source>英文字母、数字和 . _ -，如 zhangsan</source>
      <translation>Letters, digits and . _ -, e.g. zhangsan</translation>
    </message>
    <message>
      <source>{name} 的账户已解除锁定。</source>
      <translation>{name}'s account is unlocked.</translation>
    </message>
    <message>
      <source>上级栏目</source>
      <translation>Parent column</translation>
    </message>
    <message>
      <source>两次输入的密码不一致</source>
      <translation>The two passwords differ</translation>
    </message>
    <message>
      <source>代码</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>再次输入密码</source>
      <translation>Password again</translation>
    </message>
    <message>
      <source>再次输入新密码</source>
      <translation>New password again</translation>
    </message>
    <message>
      <source>分管领导</source>
      <translation>Supervising leaders</translation>
    </message>
    <message>
      <source>分管领导审批</source>
      <translation>Supervising leader approves</translation>
    </message>
    <message>
      <source>初始密码（至少8位）</source>
      <translation>First password (8+ characters)</translation>
    </message>
    <message>
      <source>办事指南</source>
      <translation>Service guide</translation>
    </message>
    <message>
      <source>发布机构</source>
      <translation>Publishers</translation>
    </message>
    <message>
      <source>可发布的科室</source>
      <translation>Sections that may publish</translation>
    </message>
    <message>
      <source>可发布的科室
（都不勾选表示所有科室）</source>
      <translation>Sections that may publish
(none ticked: every section)</translation>
    </message>
    <message>
      <source>否</source>
      <translation>No</translation>
    </message>
    <message>
      <source>启用</source>
      <translation>Active</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>审核环节</source>
      <translation>Review stages</translation>
    </message>
    <message>
      <source>已为 {name} 设置新密码，账户锁定也已解除。</source>
      <translation>{name} has a new password; any lockout is lifted.</translation>
    </message>
    <message>
      <source>已停用</source>
      <translation>Inactive</translation>
    </message>
    <message>
      <source>已锁定</source>
      <translation>Locked</translation>
    </message>
    <message>
      <source>所有科室</source>
      <translation>All sections</translation>
    </message>
    <message>
      <source>接收信息</source>
      <translation>Takes items</translation>
    </message>
    <message>
      <source>接收信息（不勾选则只作为上级栏目）</source>
      <translation>Takes items (untick for a parent-only column)</translation>
    </message>
    <message>
      <source>政策文件</source>
      <translation>Policy document</translation>
    </message>
    <message>
      <source>政策解读</source>
      <translation>Policy interpretation</translation>
    </message>
    <message>
      <source>所属科室</source>
      <translation>Section</translation>
    </message>
    <message>
      <source>新密码（至少8位）</source>
      <translation>New password (8+ characters)</translation>
    </message>
    <message>
      <source>新建下级栏目……</source>
      <translation>New sub-column…</translation>
    </message>
    <message>
      <source>新建发布机构</source>
      <translation>New publisher</translation>
    </message>
    <message>
      <source>新建发布机构……</source>
      <translation>New publisher…</translation>
    </message>
    <message>
      <source>新建栏目</source>
      <translation>New column</translation>
    </message>
    <message>
      <source>新建栏目……</source>
      <translation>New column…</translation>
    </message>
    <message>
      <source>新建用户</source>
      <translation>New user</translation>
    </message>
    <message>
      <source>新建用户……</source>
      <translation>New user…</translation>
    </message>
    <message>
      <source>新建科室</source>
      <translation>New section</translation>
    </message>
    <message>
      <source>新建科室……</source>
      <translation>New section…</translation>
    </message>
    <message>
      <source>是</source>
      <translation>Yes</translation>
    </message>
    <message>
      <source>普通信息</source>
      <translation>Article</translation>
    </message>
    <message>
      <source>机构代码</source>
      <translation>Organisation code</translation>
    </message>
    <message>
      <source>机构全称</source>
      <translation>Full name</translation>
    </message>
    <message>
      <source>栏目</source>
      <translation>Columns</translation>
    </message>
    <message>
      <source>栏目代码</source>
      <translation>Column code</translation>
    </message>
    <message>
      <source>栏目名称</source>
      <translation>Column name</translation>
    </message>
    <message>
      <source>正常</source>
      <translation>Active</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>State</translation>
    </message>
    <message>
      <source>用户</source>
      <translation>Users</translation>
    </message>
    <message>
      <source>用户名</source>
      <translation>User name</translation>
    </message>
    <message>
      <source>科室</source>
      <translation>Sections</translation>
    </message>
    <message>
      <source>科室代码</source>
      <translation>Section code</translation>
    </message>
    <message>
      <source>科室名称</source>
      <translation>Section name</translation>
    </message>
    <message>
      <source>科室负责人初审，分管领导审批</source>
      <translation>Section head first, then supervising leader</translation>
    </message>
    <message>
      <source>类型</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>编辑……</source>
      <translation>Edit…</translation>
    </message>
    <message>
      <source>编辑发布机构</source>
      <translation>Edit publisher</translation>
    </message>
    <message>
      <source>编辑栏目</source>
      <translation>Edit column</translation>
    </message>
    <message>
      <source>编辑用户</source>
      <translation>Edit user</translation>
    </message>
    <message>
      <source>编辑科室</source>
      <translation>Edit section</translation>
    </message>
    <message>
      <source>角色</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>解除锁定</source>
      <translation>Unlock</translation>
    </message>
    <message>
      <source>重置密码……</source>
      <translation>Reset password…</translation>
    </message>
    <message>
      <source>重置密码：</source>
      <translation>Reset password: </translation>
    </message>
    <message>
      <source>（不属于科室）</source>
      <translation>(no section)</translation>
    </message>
    <message>
      <source>（顶级栏目）</source>
      <translation>(top level)</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <source>政务公开审签工作站</source>
      <translation>Gongkai Desk</translation>
    </message>
    <message>
      <source>正在创建演示资料库，请稍候……</source>
      <translation>Creating the demo profile, please wait…</translation>
    </message>
  </context>
  <context>
    <name>FirstRunDialog</name>
    <message>
      <source>两次输入的密码不一致</source>
      <translation>The two passwords differ</translation>
    </message>
    <message>
      <source>再次输入密码</source>
      <translation>Password again</translation>
    </message>
    <message>
      <source>创建管理员并登录</source>
      <translation>Create administrator and log in</translation>
    </message>
    <message>
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>密码（至少8位）</source>
      <translation>Password (8+ characters)</translation>
    </message>
    <message>
      <source>正在创建……</source>
      <translation>Creating…</translation>
    </message>
    <message>
      <source>用户名</source>
      <translation>User name</translation>
    </message>
    <message>
      <source>系统管理员</source>
      <translation>Administrator</translation>
    </message>
    <message>
      <source>这是资料库“{name}”第一次启动。请创建系统管理员账户；栏目、科室、发布机构和主题分类等基础数据将同时装入，之后可在“管理”页修改。</source>
      <translation>This is the first start of the profile “{name}”. Create the administrator account; the reference data (columns, sections, publishers, topics) is installed at the same time and can be changed later on the Administration page.</translation>
    </message>
    <message>
      <source>首次使用设置</source>
      <translation>First-time set-up</translation>
    </message>
  </context>
  <context>
    <name>ItemsPage</name>
    <message>
      <source>不限日期</source>
      <translation>Any date</translation>
    </message>
    <message>
      <source>全部栏目</source>
      <translation>All columns</translation>
    </message>
    <message>
      <source>全部状态</source>
      <translation>All states</translation>
    </message>
    <message>
      <source>全部科室</source>
      <translation>All sections</translation>
    </message>
    <message>
      <source>共 {n} 条</source>
      <translation>{n} items</translation>
    </message>
    <message>
      <source>删除草稿</source>
      <translation>Discard draft</translation>
    </message>
    <message>
      <source>删除草稿“{title}”？删除后不能恢复。</source>
      <translation>Discard the draft “{title}”? This cannot be undone.</translation>
    </message>
    <message>
      <source>删除草稿……</source>
      <translation>Discard draft…</translation>
    </message>
    <message>
      <source>只看我的</source>
      <translation>Mine only</translation>
    </message>
    <message>
      <source>审核中</source>
      <translation>In review</translation>
    </message>
    <message>
      <source>已发布</source>
      <translation>Published</translation>
    </message>
    <message>
      <source>已批准</source>
      <translation>Approved</translation>
    </message>
    <message>
      <source>已撤稿</source>
      <translation>Withdrawn</translation>
    </message>
    <message>
      <source>已退回</source>
      <translation>Returned</translation>
    </message>
    <message>
      <source>成文日期</source>
      <translation>Written</translation>
    </message>
    <message>
      <source>打开</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>搜索标题、正文、文号、索引号（Ctrl+F）</source>
      <translation>Search titles, text, document and index numbers (Ctrl+F)</translation>
    </message>
    <message>
      <source>新建信息</source>
      <translation>New item</translation>
    </message>
    <message>
      <source>新建信息（Ctrl+N）</source>
      <translation>New item (Ctrl+N)</translation>
    </message>
    <message>
      <source>更新日期</source>
      <translation>Updated</translation>
    </message>
    <message>
      <source>更新时间</source>
      <translation>Updated</translation>
    </message>
    <message>
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>栏目</source>
      <translation>Column</translation>
    </message>
    <message>
      <source>正在统计……</source>
      <translation>Counting…</translation>
    </message>
    <message>
      <source>清除筛选</source>
      <translation>Clear filters</translation>
    </message>
    <message>
      <source>状态</source>
      <translation>State</translation>
    </message>
    <message>
      <source>科室</source>
      <translation>Section</translation>
    </message>
    <message>
      <source>索引号</source>
      <translation>Index no.</translation>
    </message>
    <message>
      <source>至</source>
      <translation>to</translation>
    </message>
    <message>
      <source>草稿</source>
      <translation>Draft</translation>
    </message>
    <message>
      <source>退回原因：</source>
      <translation>Returned because: </translation>
    </message>
    <message>
      <source>（无标题）</source>
      <translation>(untitled)</translation>
    </message>
  </context>
  <context>
    <name>LoginDialog</name>
    <message>
      <source>两次输入的新密码不一致</source>
      <translation>The two new passwords differ</translation>
    </message>
    <message>
      <source>修改密码</source>
      <translation>Change password</translation>
    </message>
    <message>
      <source>再次输入新密码</source>
      <translation>New password again</translation>
    </message>
    <message>
      <source>密码</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>当前密码</source>
      <translation>Current password</translation>
    </message>
    <message>
      <source>政务公开审签工作站</source>
      <translation>Gongkai Desk</translation>
    </message>
    <message>
      <source>新密码</source>
      <translation>New password</translation>
    </message>
    <message>
      <source>正在登录……</source>
      <translation>Logging in…</translation>
    </message>
    <message>
      <source>用户名</source>
      <translation>User name</translation>
    </message>
    <message>
      <source>登录</source>
      <translation>Log in</translation>
    </message>
    <message>
      <source>登录 — 政务公开审签工作站</source>
      <translation>Log in — Gongkai Desk</translation>
    </message>
    <message>
      <source>请输入用户名</source>
      <translation>Enter your user name</translation>
    </message>
    <message>
      <source>资料库：</source>
      <translation>Profile: </translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>{name}（{role}）</source>
      <translation>{name} ({role})</translation>
    </message>
    <message>
      <source>上次备份：</source>
      <translation>Last backup: </translation>
    </message>
    <message>
      <source>从备份恢复</source>
      <translation>Restore from backup</translation>
    </message>
    <message>
      <source>从备份恢复……</source>
      <translation>Restore from backup…</translation>
    </message>
    <message>
      <source>代审与日历</source>
      <translation>Deputies &amp; calendar</translation>
    </message>
    <message>
      <source>使用说明</source>
      <translation>User guide</translation>
    </message>
    <message>
      <source>信息列表</source>
      <translation>Items</translation>
    </message>
    <message>
      <source>修改密码……</source>
      <translation>Change password…</translation>
    </message>
    <message>
      <source>关于</source>
      <translation>About</translation>
    </message>
    <message>
      <source>刷新</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <source>备份失败：</source>
      <translation>Backup failed: </translation>
    </message>
    <message>
      <source>审核队列</source>
      <translation>Review queue</translation>
    </message>
    <message>
      <source>密码已修改。</source>
      <translation>Your password is changed.</translation>
    </message>
    <message>
      <source>工具(&amp;T)</source>
      <translation>&amp;Tools</translation>
    </message>
    <message>
      <source>帮助(&amp;H)</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>恢复备份需要关闭所有窗口并重新登录。继续吗？</source>
      <translation>Restoring a backup closes every window and asks you to log in again. Continue?</translation>
    </message>
    <message>
      <source>打开所选信息</source>
      <translation>Open selected item</translation>
    </message>
    <message>
      <source>政务公开审签工作站</source>
      <translation>Gongkai Desk</translation>
    </message>
    <message>
      <source>文件(&amp;F)</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>新建信息</source>
      <translation>New item</translation>
    </message>
    <message>
      <source>查找</source>
      <translation>Find</translation>
    </message>
    <message>
      <source>正在备份……</source>
      <translation>Backing up…</translation>
    </message>
    <message>
      <source>注销</source>
      <translation>Log out</translation>
    </message>
    <message>
      <source>现在从备份恢复吗？</source>
      <translation>Restore from a backup now?</translation>
    </message>
    <message>
      <source>用户(&amp;U)</source>
      <translation>&amp;User</translation>
    </message>
    <message>
      <source>用户：</source>
      <translation>User: </translation>
    </message>
    <message>
      <source>界面语言</source>
      <translation>Language</translation>
    </message>
    <message>
      <source>界面语言将在下次启动时改为 {name}。现在就重新打开主窗口吗？</source>
      <translation>The interface language becomes {name} at the next start. Reopen the main window now?</translation>
    </message>
    <message>
      <source>立即备份</source>
      <translation>Back up now</translation>
    </message>
    <message>
      <source>管理</source>
      <translation>Administration</translation>
    </message>
    <message>
      <source>编辑(&amp;E)</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <source>视图(&amp;V)</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <source>资料库完整性检查发现问题，继续使用可能丢失数据：</source>
      <translation>The profile's integrity check found problems; working on may lose data:</translation>
    </message>
    <message>
      <source>资料库检查</source>
      <translation>Profile check</translation>
    </message>
    <message>
      <source>资料库：</source>
      <translation>Profile: </translation>
    </message>
    <message>
      <source>起草、审签和发布政府信息公开内容；离线可用，经分管领导批准的内容才会发布。</source>
      <translation>Drafts, reviews and publishes government information disclosure items; works offline; only what a supervising leader approved is published.</translation>
    </message>
    <message>
      <source>退出</source>
      <translation>Quit</translation>
    </message>
  </context>
  <context>
    <name>NewItemDialog</name>
    <message>
      <source>新建信息</source>
      <translation>New item</translation>
    </message>
    <message>
      <source>选择新信息所属的栏目（灰色栏目不属于本科室或不接收信息）：</source>
      <translation>Choose the column of the new item (grey columns belong to other sections or take no items):</translation>
    </message>
  </context>
  <context>
    <name>Operations</name>
    <message>
      <source>出现意外错误：</source>
      <translation>Unexpected error: </translation>
    </message>
    <message>
      <source>政务公开审签工作站</source>
      <translation>Gongkai Desk</translation>
    </message>
  </context>
  <context>
    <name>RestoreDialog</name>
    <message>
      <source>恢复后，资料库回到这份备份的时间（{time}）：此后所做的修改都会丢失。</source>
      <translation>After the restore the profile is as it was at this backup's time ({time}): every change made since then is lost.</translation>
    </message>
    <message>
      <source>损坏的文件不会删除，将改名保留为：</source>
      <translation>The damaged file is not deleted; it is kept under the name:</translation>
    </message>
    <message>
      <source>当前的资料库文件不会删除，将改名保留为：</source>
      <translation>The current profile file is not deleted; it is kept under the name:</translation>
    </message>
    <message>
      <source>（恢复时的日期时间）</source>
      <translation>(date and time of the restore)</translation>
    </message>
    <message>
      <source>技术信息：</source>
      <translation>Details: </translation>
    </message>
    <message>
      <source>从备份恢复资料库</source>
      <translation>Restore the profile from a backup</translation>
    </message>
    <message>
      <source>备份时间</source>
      <translation>Taken at</translation>
    </message>
    <message>
      <source>大小</source>
      <translation>Size</translation>
    </message>
    <message>
      <source>恢复所选备份</source>
      <translation>Restore selected backup</translation>
    </message>
    <message>
      <source>找不到资料库文件。可以从下面的自动备份中恢复。</source>
      <translation>The profile database is missing. You can restore it from one of the automatic backups below.</translation>
    </message>
    <message>
      <source>文件</source>
      <translation>File</translation>
    </message>
    <message>
      <source>正在恢复……</source>
      <translation>Restoring…</translation>
    </message>
    <message>
      <source>没有可用的备份。</source>
      <translation>There are no backups.</translation>
    </message>
    <message>
      <source>资料库完整性检查发现问题。建议从下面的自动备份中恢复。</source>
      <translation>The integrity check found problems in the profile. Restoring one of the automatic backups below is advised.</translation>
    </message>
    <message>
      <source>资料库文件已损坏，无法打开。可以从下面的自动备份中恢复。</source>
      <translation>The profile database is damaged and cannot be opened. You can restore it from one of the automatic backups below.</translation>
    </message>
    <message>
      <source>退出</source>
      <translation>Quit</translation>
    </message>
    <message>
      <source>选择要恢复的备份。</source>
      <translation>Choose the backup to restore.</translation>
    </message>
  </context>
</TS>
