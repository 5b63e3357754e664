<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<!-- The review workflow's strings (issue 3): queue, review panel, dialogs, calendar, deputies. -->
<context><name>CalendarPage</name>
<message><source>星期一</source><translation>Monday</translation></message>
<message><source>星期二</source><translation>Tuesday</translation></message>
<message><source>星期三</source><translation>Wednesday</translation></message>
<message><source>星期四</source><translation>Thursday</translation></message>
<message><source>星期五</source><translation>Friday</translation></message>
<message><source>星期六</source><translation>Saturday</translation></message>
<message><source>星期日</source><translation>Sunday</translation></message>
<message><source>名称，如：国庆节</source><translation>Name, e.g. National Day</translation></message>
<message><source>设为休息日</source><translation>Mark as day off</translation></message>
<message><source>设为调休上班日</source><translation>Mark as make-up working day</translation></message>
<message><source>恢复默认</source><translation>Back to default</translation></message>
<message><source>法定节假日（休息）</source><translation>public holiday (day off)</translation></message>
<message><source>调休上班日</source><translation>make-up working day</translation></message>
<message><source>周末（休息）</source><translation>weekend (day off)</translation></message>
<message><source>工作日</source><translation>working day</translation></message>
<message><source>本年度的节假日与调休：</source><translation>Holidays and make-up days this year:</translation></message>
<message><source>休息</source><translation>off</translation></message>
<message><source>调休上班</source><translation>make-up working day</translation></message>
<message><source>审核期限按工作日计算：自信息形成或变更之日起 {n} 个工作日（《政府信息公开条例》第二十六条）。周六、周日休息；在此标出法定节假日和调休上班日，待审信息的期限会随之调整。</source><translation>Review deadlines count working days: {n} working days from the day the information was created or changed (Regulations on Open Government Information, art. 26). Saturdays and Sundays are off; mark public holidays and make-up working days here and the deadlines of pending reviews follow.</translation></message>
<message><source>已保存。{n} 条待审信息的期限随之调整。</source><translation>Saved. The deadlines of {n} pending item(s) were adjusted.</translation></message>
</context>
<context><name>DelegationPage</name>
<message><source>委托人</source><translation>Delegated by</translation></message>
<message><source>代审人</source><translation>Deputy</translation></message>
<message><source>开始</source><translation>From</translation></message>
<message><source>结束</source><translation>To</translation></message>
<message><source>状态</source><translation>Status</translation></message>
<message><source>说明</source><translation>Note</translation></message>
<message><source>生效中</source><translation>in force</translation></message>
<message><source>已撤销</source><translation>revoked</translation></message>
<message><source>已结束</source><translation>ended</translation></message>
<message><source>未开始</source><translation>not started</translation></message>
<message><source>出差、休假时，可委托另一位科室负责人或分管领导在指定日期内代为审批。代审人的审批意见记为“代审人 代 委托人”，委托人本人仍可审批。</source><translation>When travelling or on leave, name another section head or leader to decide for you on the given dates. The deputy's decisions are recorded as “deputy for you”; you can still decide yourself.</translation></message>
<message><source>如：赴省里参加培训</source><translation>e.g. training at the provincial centre</translation></message>
<message><source>添加代审</source><translation>Add deputy</translation></message>
<message><source>撤销所选</source><translation>Revoke selected</translation></message>
<message><source>日期</source><translation>Dates</translation></message>
<message><source>至</source><translation>to</translation></message>
<message><source>已添加代审。</source><translation>Deputy added.</translation></message>
<message><source>已撤销所选代审。</source><translation>The selected delegation was revoked.</translation></message>
</context>
<context><name>DiffView</name>
<message><source>标题</source><translation>Title</translation></message>
<message><source>栏目</source><translation>Column</translation></message>
<message><source>索引号</source><translation>Index number</translation></message>
<message><source>发布机构</source><translation>Publisher</translation></message>
<message><source>文号</source><translation>Document number</translation></message>
<message><source>主题分类</source><translation>Topic</translation></message>
<message><source>成文日期</source><translation>Date written</translation></message>
<message><source>有效性</source><translation>Validity</translation></message>
<message><source>公开属性</source><translation>Disclosure</translation></message>
<message><source>涉密状态</source><translation>Secrecy</translation></message>
<message><source>内容概述</source><translation>Summary</translation></message>
<message><source>附件</source><translation>Attachments</translation></message>
<message><source>关联信息</source><translation>Linked item</translation></message>
<message><source>（首次发布，网站上尚无此信息）</source><translation>(first publication: not on the website yet)</translation></message>
<message><source>网站上的版本</source><translation>Version on the website</translation></message>
<message><source>与网站上的版本相同，内容没有改动。</source><translation>Same as the version on the website: nothing changed.</translation></message>
<message><source>字段</source><translation>Field</translation></message>
<message><source>指南要素</source><translation>Guide element</translation></message>
<message><source>改动：{fields}个字段，{paragraphs}处正文段落。</source><translation>Changes: {fields} field(s), {paragraphs} paragraph(s) of text.</translation></message>
<message><source>本次提交的版本</source><translation>Version submitted</translation></message>
<message><source>（无正文）</source><translation>(no text)</translation></message>
<message><source>正文</source><translation>Text</translation></message>
</context>
<context><name>MainWindow</name>
<message><source>审核队列</source><translation>Review queue</translation></message>
<message><source>代审与日历</source><translation>Deputies &amp; calendar</translation></message>
<message><source>审核异常</source><translation>Review problems</translation></message>
</context>
<context><name>Preview</name>
<message><source>索引号</source><translation>Index number</translation></message>
<message><source>主题分类</source><translation>Topic</translation></message>
<message><source>发布机构</source><translation>Publisher</translation></message>
<message><source>成文日期</source><translation>Date written</translation></message>
<message><source>文号</source><translation>Document number</translation></message>
<message><source>发布日期</source><translation>Published</translation></message>
<message><source>有效性</source><translation>Validity</translation></message>
<message><source>公开属性</source><translation>Disclosure</translation></message>
<message><source>批准后由系统生成</source><translation>on publication</translation></message>
<message><source>来源：</source><translation>Source: </translation></message>
<message><source>有效性：</source><translation>Validity: </translation></message>
<message><source>附件：</source><translation>Attachments:</translation></message>
<message><source>内容概述</source><translation>Summary</translation></message>
</context>
<context><name>QueuePage</name>
<message><source>期限</source><translation>Due</translation></message>
<message><source>标题</source><translation>Title</translation></message>
<message><source>科室</source><translation>Section</translation></message>
<message><source>栏目</source><translation>Column</translation></message>
<message><source>环节</source><translation>Stage</translation></message>
<message><source>起草人</source><translation>Drafter</translation></message>
<message><source>提交时间</source><translation>Submitted</translation></message>
<message><source>代 {name} 审批</source><translation>Deciding for {name}</translation></message>
<message><source>说明：</source><translation>Note: </translation></message>
<message><source>{date} 今日到期</source><translation>{date} · due today</translation></message>
<message><source>《{title}》已退回给 {name}</source><translation>“{title}” was returned to {name}</translation></message>
<message><source>批量批准所选</source><translation>Approve selected</translation></message>
<message><source>全部科室</source><translation>All sections</translation></message>
<message><source>全部栏目</source><translation>All columns</translation></message>
<message><source>全部类型</source><translation>All types</translation></message>
<message><source>《{title}》已批准并等待同步</source><translation>“{title}” approved and queued for sync</translation></message>
<message><source>《{title}》已批准，待配套的《{partner}》审签后一同发布</source><translation>“{title}” approved; it goes out together with “{partner}” once that is approved</translation></message>
<message><source>《{title}》已转到下一环节：{stage}</source><translation>“{title}” moved on to the next stage: {stage}</translation></message>
<message><source>类型</source><translation>Type</translation></message>
<message><source>按住 Ctrl 或 Shift 可多选</source><translation>Hold Ctrl or Shift to select several</translation></message>
<message><source>共 {n} 条待审</source><translation>{n} to review</translation></message>
<message><source>已批准 {done} 条</source><translation>{done} approved</translation></message>
<message><source>，跳过 {n} 条（原因见清单）</source><translation>, {n} skipped (see the list for why)</translation></message>
<message><source>批量批准所选（{n}）</source><translation>Approve selected ({n})</translation></message>
<message><source>，其中超期 {n} 条</source><translation>, {n} overdue</translation></message>
<message><source>{date} 剩{n}日</source><translation>{date} · {n} left</translation></message>
<message><source>{date} 超期{n}日</source><translation>{date} · {n} late</translation></message>
<message><source>负责人</source><translation>head</translation></message>
<message><source>领导</source><translation>leader</translation></message>
<message><source>·代</source><translation> (dep.)</translation></message>
<message><source>第{stage}/{count}环节：{name}</source><translation>Stage {stage}/{count}: {name}</translation></message>
<message><source>提交于 {time}</source><translation>Submitted {time}</translation></message>
<message><source>期限 {date}，今日到期</source><translation>Due {date}: today</translation></message>
<message><source>期限 {date}，已超期 {n} 天</source><translation>Due {date}: {n} day(s) overdue</translation></message>
<message><source>期限 {date}，还剩 {n} 个工作日</source><translation>Due {date}: {n} working day(s) left</translation></message>
<message><source>待我审核</source><translation>For me to review</translation></message>
<message><source>无人可审</source><translation>Nobody can review</translation></message>
<message><source>网站数据库拒绝</source><translation>Refused by the site database</translation></message>
<message><source>{view}（{n}）</source><translation>{view} ({n})</translation></message>
<message><source>共 {n} 条</source><translation>{n} item(s)</translation></message>
<message><source>待我审核：我现在可以决定的；无人可审：现在没有人能审批的；网站数据库拒绝：同步时被网站数据库拒绝的审批意见</source><translation>For me to review: what you can decide now; Nobody can review: stages no one may decide now; Refused by the site database: decisions the site database refused when syncing</translation></message>
<message><source>批准所有选中的信息（Ctrl+B，先确认）；有未处理阻断性检查问题的将跳过</source><translation>Approve every selected item (Ctrl+B, asks first); items with unresolved blocking findings are skipped</translation></message>
<message><source>批准后转到下一环节：{stage}。</source><translation>Once approved it moves on to the next stage: {stage}.</translation></message>
<message><source>这是终审：批准后将同步发布到网站。</source><translation>This is the final approval: once approved it is published to the website with the next sync.</translation></message>
<message><source>这是终审：批准后将同步从网站撤下此信息。</source><translation>This is the final approval: once approved the item is taken off the website with the next sync.</translation></message>
<message><source>这是终审：批准后网站上此信息将同步标为“废止”。</source><translation>This is the final approval: once approved the item is marked “abolished” on the website with the next sync.</translation></message>
<message><source>其中 {n} 条为终审，批准后将同步发布到网站。</source><translation>{n} of them are final approvals and will be published to the website with the next sync.</translation></message>
<message><source>批准后各条转到下一环节。</source><translation>Once approved each moves on to its next stage.</translation></message>
<message><source>有未处理阻断性检查问题的将跳过。</source><translation> Items with unresolved blocking findings are skipped.</translation></message>
</context>
<context><name>QueueStatus</name>
<message><source>审核中 {n}</source><translation>In review {n}</translation></message>
<message><source>已退回 {n}</source><translation>Returned {n}</translation></message>
<message><source>已批准待同步 {n}</source><translation>Approved, to sync {n}</translation></message>
<message><source>点击查看审核队列</source><translation>Click to open the review queue</translation></message>
<message><source>点击查看信息列表</source><translation>Click to open the item list</translation></message>
<message><source>待我审核 {n}</source><translation>For me to review {n}</translation></message>
<message><source>无人可审 {n}</source><translation>Nobody can review {n}</translation></message>
<message><source>被拒 {n}</source><translation>Refused {n}</translation></message>
<message><source>点击查看审核异常</source><translation>Click to see the review problems</translation></message>
<message><source>草稿 {n}</source><translation>Drafts {n}</translation></message>
<message><source>已发布 {n}</source><translation>Published {n}</translation></message>
<message><source>已撤稿 {n}</source><translation>Withdrawn {n}</translation></message>
</context>
<context><name>Review</name>
<message><source>科室负责人审核</source><translation>section head review</translation></message>
<message><source>分管领导审批</source><translation>leader approval</translation></message>
<message><source>科室负责人</source><translation>section head</translation></message>
<message><source>分管领导</source><translation>leader</translation></message>
<message><source>一般信息</source><translation>article</translation></message>
<message><source>办事指南</source><translation>service guide</translation></message>
<message><source>政策文件</source><translation>policy document</translation></message>
<message><source>政策解读</source><translation>policy interpretation</translation></message>
<message><source>发布</source><translation>publish</translation></message>
<message><source>撤稿</source><translation>withdraw</translation></message>
<message><source>废止</source><translation>abolish</translation></message>
<message><source>同意</source><translation>approved</translation></message>
<message><source>退回</source><translation>returned</translation></message>
<message><source>已失效</source><translation>stale</translation></message>
<message><source>已被取代</source><translation>superseded</translation></message>
<message><source>待同步确认</source><translation>awaiting sync</translation></message>
<message><source>已确认</source><translation>confirmed</translation></message>
<message><source>{deputy} 代 {principal}</source><translation>{deputy} for {principal}</translation></message>
<message><source>免</source><translation>waived</translation></message>
<message><source>起草人为科室负责人，本环节免</source><translation>The drafter is the section head; this stage is waived</translation></message>
</context>
<context><name>ReviewDialogs</name>
<message><source>文号或成文日期有误，请核对</source><translation>The document number or date written is wrong; please check</translation></message>
<message><source>内容概述不能准确反映正文，请修改</source><translation>The summary does not reflect the text; please revise it</translation></message>
<message><source>含有个人信息，请脱敏后重新提交</source><translation>Contains personal data; mask it and submit again</translation></message>
<message><source>缺少附件或附件与正文不符</source><translation>An attachment is missing or does not match the text</translation></message>
<message><source>主题分类或栏目选择不当</source><translation>Wrong topic or column</translation></message>
<message><source>退回</source><translation>Return</translation></message>
<message><source>常用理由……</source><translation>Common reasons…</translation></message>
<message><source>批准并附意见</source><translation>Approve with comment</translation></message>
<message><source>批准</source><translation>Approve</translation></message>
<message><source>批量批准结果</source><translation>Bulk approval</translation></message>
<message><source>已批准 {n} 条。</source><translation>{n} item(s) approved.</translation></message>
<message><source>退回《{title}》给 {drafter}。请写明理由，起草人会在信息列表顶部看到：</source><translation>Return “{title}” to {drafter}. Give the reason; the drafter sees it at the top of their list:</translation></message>
<message><source>批准《{title}》，并附审批意见（将印在审批单上）：</source><translation>Approve “{title}” with a comment (printed on the approval slip):</translation></message>
<message><source>以下 {n} 条未批准，请逐条处理：</source><translation>These {n} item(s) were not approved; deal with them one by one:</translation></message>
<message><source>确认批准</source><translation>Confirm approval</translation></message>
<message><source>批准《{title}》？</source><translation>Approve “{title}”?</translation></message>
<message><source>确认批量批准</source><translation>Confirm bulk approval</translation></message>
<message><source>批准所选 {n} 条？</source><translation>Approve the {n} selected items?</translation></message>
<message><source>全部批准</source><translation>Approve all</translation></message>
<message><source>取消</source><translation>Cancel</translation></message>
</context>
<context><name>ReviewPanel</name>
<message><source>版本</source><translation>Version</translation></message>
<message><source>环节</source><translation>Stage</translation></message>
<message><source>审批人</source><translation>Decided by</translation></message>
<message><source>时间</source><translation>Time</translation></message>
<message><source>结论</source><translation>Outcome</translation></message>
<message><source>意见</source><translation>Comment</translation></message>
<message><source>检查</source><translation>Checks</translation></message>
<message><source>批准 (Ctrl+Enter)</source><translation>Approve (Ctrl+Enter)</translation></message>
<message><source>附意见批准 (C)</source><translation>Approve with comment (C)</translation></message>
<message><source>退回 (R)</source><translation>Return (R)</translation></message>
<message><source>预览(&amp;V)</source><translation>Pre&amp;view</translation></message>
<message><source>对照(&amp;D)</source><translation>&amp;Differences</translation></message>
<message><source>审批记录</source><translation>Decisions</translation></message>
<message><source>第{version}版 · 内容哈希 {hash} · 第{stage}/{count}环节：{name} · 起草：{drafter} · 期限：{due}</source><translation>Version {version} · content hash {hash} · stage {stage}/{count}: {name} · drafted by {drafter} · due {due}</translation></message>
<message><source>检查（{n}）</source><translation>Checks ({n})</translation></message>
<message><source>撤稿申请：批准后此信息将从网站撤下。理由：{note}</source><translation>Withdrawal request: once approved the item is taken off the website. Reason: {note}</translation></message>
<message><source>您正在代 {name} 审批（代审），审批单上将记为“{signed}”。</source><translation>You are deciding for {name} as deputy; the approval slip will say “{signed}”.</translation></message>
<message><source>尚无审批意见。</source><translation>No decisions yet.</translation></message>
<message><source>队列中没有待审核的信息。</source><translation>Nothing waits for your review.</translation></message>
<message><source>废止申请：批准后网站上此信息的有效性将标为“废止”。理由：{note}</source><translation>Abolition request: once approved the item's validity on the website becomes “abolished”. Reason: {note}</translation></message>
<message><source>提交说明：{note}</source><translation>Note from the drafter: {note}</translation></message>
<message><source>保存审批单</source><translation>Save approval slip</translation></message>
<message><source>PDF 文件 (*.pdf)</source><translation>PDF files (*.pdf)</translation></message>
<message><source>审批单已保存：{path}</source><translation>Approval slip saved: {path}</translation></message>
<message><source>审批单 PDF</source><translation>Slip PDF</translation></message>
<message><source>把审批单保存为 PDF（Ctrl+P）</source><translation>Save the approval slip as PDF (Ctrl+P)</translation></message>
</context>
<context><name>ReviewSettings</name>
<message><source>代审</source><translation>Deputies</translation></message>
<message><source>工作日历</source><translation>Working-day calendar</translation></message>
</context>
<context><name>BundlePanel</name>
<message><source>{title}（{state}）</source><translation>{title} ({state})</translation></message>
<message><source>关联</source><translation>Link</translation></message>
<message><source>取消</source><translation>Cancel</translation></message>
<message><source>尚未关联</source><translation>Not linked yet</translation></message>
<message><source>所解读的政策文件</source><translation>Policy document it explains</translation></message>
<message><source>政策文件须与政策解读同步起草、同步审签、同步发布：提交时一并送审，批准后一同发布。</source><translation>A policy document is drafted, reviewed and published together with its interpretation: submitting one submits both, and they go live together once approved.</translation></message>
<message><source>政策解读随所解读的政策文件一并送审、一同发布。</source><translation>An interpretation is reviewed and published together with the policy document it explains.</translation></message>
<message><source>本科室没有可以关联的信息，请先起草。</source><translation>Your section has nothing that could be linked; draft it first.</translation></message>
<message><source>解除关联</source><translation>Unlink</translation></message>
<message><source>输入标题中的文字筛选</source><translation>Type words of the title to narrow the list</translation></message>
<message><source>选择{what}</source><translation>Choose: {what}</translation></message>
<message><source>选择…</source><translation>Choose…</translation></message>
<message><source>配套的政策解读</source><translation>Interpretation that goes with it</translation></message>
<message><source>（现与{title}关联）</source><translation> (now linked with {title})</translation></message>
</context>
</TS>
