<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<!-- English for the checks (issue 6): desktop/checks/**, the 词表 admin tab, the editor panel title. -->
<context><name>Admin</name>
<message><source>词表</source><translation>Word lists</translation></message>
</context>
<context><name>EditorPanels</name>
<message><source>发布前检查</source><translation>Pre-publication checks</translation></message>
</context>
<context><name>Checks</name>
<message><source>{place}：{message}</source><translation>{place}: {message}</translation></message>
<message><source>。阻断项须修改或说明理由后才能提交审核</source><translation>. Blocking findings must be fixed or explained before submitting for review</translation></message>
<message><source>严重程度</source><translation>Severity</translation></message>
<message><source>例如：该号码是中心对外公布的值班电话</source><translation>e.g. this is the centre's published duty phone number</translation></message>
<message><source>例如：领导姓名；内部材料不得公开</source><translation>e.g. a leader's name; internal material must not be published</translation></message>
<message><source>停用/启用</source><translation>Disable/enable</translation></message>
<message><source>全部脱敏</source><translation>Mask all</translation></message>
<message><source>删除“{name}”？删除后检查不再提示此项；只是暂时不用时，可以停用。</source><translation>Delete “{name}”? The checks will no longer report it; to stop using it for a while, disable it instead.</translation></message>
<message><source>删除…</source><translation>Delete…</translation></message>
<message><source>删除词条</source><translation>Delete entry</translation></message>
<message><source>发布前检查使用这两个词表。敏感词出现即提示；易混淆词给出正确写法（如领导姓名、职务）。“阻断”项须修改或说明理由才能提交审核。修改立即生效，并同步到其他工作站。</source><translation>The pre-publication checks use these two lists. Sensitive words are reported wherever they occur; confusion pairs suggest the right form (e.g. leaders' names and titles). Blocking entries must be fixed or explained before an item can be submitted. Changes take effect at once and are synchronised to the other workstations.</translation></message>
<message><source>发布前检查未发现问题</source><translation>The pre-publication checks found nothing</translation></message>
<message><source>发布前检查：{counts}</source><translation>Pre-publication checks: {counts}</translation></message>
<message><source>阻断 {n} 项</source><translation>{n} blocking</translation></message>
<message><source>已说明理由 {n} 项</source><translation>{n} explained</translation></message>
<message><source>提示 {n} 项</source><translation>{n} warning(s)</translation></message>
<message><source>另有{n}项未列出</source><translation>{n} more not listed</translation></message>
<message><source>启用</source><translation>Enabled</translation></message>
<message><source>已停用</source><translation>Disabled</translation></message>
<message><source>已放行</source><translation>Let through</translation></message>
<message><source>已说明理由：{reason}（{who}{version}）</source><translation>Explained: {reason} ({who}{version})</translation></message>
<message><source>应用脱敏</source><translation>Mask</translation></message>
<message><source>建议：{s}</source><translation>Suggestion: {s}</translation></message>
<message><source>把正文、标题和内容概述中的身份证号、手机号、银行卡号全部替换为遮盖形式</source><translation>Replace every ID, mobile and bank card number in the body, title and summary by its masked form</translation></message>
<message><source>提示</source><translation>Warning</translation></message>
<message><source>提示（不妨碍提交）</source><translation>Warning (does not stop submission)</translation></message>
<message><source>改为建议</source><translation>Use suggestion</translation></message>
<message><source>敏感词</source><translation>Sensitive word</translation></message>
<message><source>敏感词（{n}）</source><translation>Sensitive words ({n})</translation></message>
<message><source>新增…</source><translation>Add…</translation></message>
<message><source>新增敏感词</source><translation>Add sensitive word</translation></message>
<message><source>新增易混淆词</source><translation>Add confusion pair</translation></message>
<message><source>易混淆词（{n}）</source><translation>Confusion pairs ({n})</translation></message>
<message><source>未发现问题</source><translation>No findings</translation></message>
<message><source>检查未能完成：{error}</source><translation>The check could not finish: {error}</translation></message>
<message><source>正在准备检查…</source><translation>Preparing the checks…</translation></message>
<message><source>正在检查…</source><translation>Checking…</translation></message>
<message><source>正在检查附件…</source><translation>Checking attachments…</translation></message>
<message><source>正确写法</source><translation>Right form</translation></message>
<message><source>状态</source><translation>State</translation></message>
<message><source>确需公开此内容时，请写明理由。理由会记入审计日志，审核人可以看到。</source><translation>If this really must be published, give the reason. It goes into the audit log and the reviewers see it.</translation></message>
<message><source>筛选…</source><translation>Filter…</translation></message>
<message><source>编辑…</source><translation>Edit…</translation></message>
<message><source>编辑敏感词</source><translation>Edit sensitive word</translation></message>
<message><source>编辑易混淆词</source><translation>Edit confusion pair</translation></message>
<message><source>记录理由</source><translation>Record reason</translation></message>
<message><source>说明</source><translation>Note</translation></message>
<message><source>说明例外理由</source><translation>Reason for an exception</translation></message>
<message><source>说明理由…</source><translation>Give reason…</translation></message>
<message><source>请先保存草稿，再说明例外理由</source><translation>Save the draft first, then give the reason</translation></message>
<message><source>请填写例外理由</source><translation>Give the reason for the exception</translation></message>
<message><source>错误写法</source><translation>Wrong form</translation></message>
<message><source>阻断</source><translation>Blocking</translation></message>
<message><source>阻断（须修改或说明理由）</source><translation>Blocking (fix it or give a reason)</translation></message>
<message><source>附件“{name}”：{n}项，其中未处理的阻断{b}项</source><translation>Attachment “{name}”: {n} finding(s), {b} unresolved blocking</translation></message>
<message><source>，第{n}版</source><translation>, version {n}</translation></message>
</context>
</TS>
