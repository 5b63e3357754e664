<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<!-- English for the guide cards (issue 5): desktop/cards/**, desktop/frontdesk/**, desktop/guides/**, the 卡片模板 admin tab, the front desk page and the editor's guide panel. -->
<context><name>Admin</name>
<message><source>卡片模板</source><translation>Card templates</translation></message>
</context>
<context><name>CardJobs</name>
<message><source>取消</source><translation>Cancel</translation></message>
<message><source>打印办事须知卡</source><translation>Print guide cards</translation></message>
<message><source>正在取消……</source><translation>Cancelling…</translation></message>
<message><source>正在打印：第 {done} / {total} 页</source><translation>Printing: {done} of {total}</translation></message>
</context>
<context><name>CardPreview</name>
<message><source>关闭</source><translation>Close</translation></message>
<message><source>打印效果提示</source><translation>About this print</translation></message>
<message><source>选择一项办事指南即可预览其办事须知卡</source><translation>Choose a service guide to preview its card</translation></message>
</context>
<context><name>CardPrinting</name>
<message><source>办事须知卡</source><translation>Guide cards</translation></message>
<message><source>打印办事须知卡</source><translation>Print guide cards</translation></message>
<message><source>正在准备 {n} 份办事指南的卡片……</source><translation>Preparing the cards of {n} guide(s)…</translation></message>
</context>
<context><name>CardTemplates</name>
<message><source>{name}（副本）</source><translation>{name} (copy)</translation></message>
<message><source>上移</source><translation>Move up</translation></message>
<message><source>下移</source><translation>Move down</translation></message>
<message><source>保存模板</source><translation>Save template</translation></message>
<message><source>内容</source><translation>Prints</translation></message>
<message><source>删除…</source><translation>Delete…</translation></message>
<message><source>删除模板</source><translation>Delete template</translation></message>
<message><source>删除模板“{name}”？</source><translation>Delete the template “{name}”?</translation></message>
<message><source>办事须知卡印出哪些要素、按什么顺序、用什么标题，由模板决定；事项名称总是卡片的标题。修改保存后立即用于打印，并同步到其他工作站。</source><translation>A template decides which elements a guide card prints, in which order and under which headings; the service name is always the card's title. Saved changes are used for printing at once and synchronised to the other workstations.</translation></message>
<message><source>办理地点、窗口和办理时间</source><translation>Place, window and office hours</translation></message>
<message><source>办理步骤，编号；步骤都很短时排成一行</source><translation>The steps, numbered; on one line when they are all short</translation></message>
<message><source>办理结果</source><translation>The outcome</translation></message>
<message><source>印在卡片上</source><translation>On the card</translation></message>
<message><source>只印办理地点</source><translation>The place only</translation></message>
<message><source>只印办理时间</source><translation>The office hours only</translation></message>
<message><source>只印办理窗口</source><translation>The window only</translation></message>
<message><source>只印咨询电话</source><translation>The enquiry number only</translation></message>
<message><source>只印承诺时限</source><translation>The promised time limit only</translation></message>
<message><source>只印法定时限</source><translation>The statutory time limit only</translation></message>
<message><source>只印监督投诉电话</source><translation>The complaints number only</translation></message>
<message><source>各版式使用的模板</source><translation>Template of each layout</translation></message>
<message><source>咨询电话和监督投诉电话</source><translation>Enquiry and complaints numbers</translation></message>
<message><source>复制</source><translation>Duplicate</translation></message>
<message><source>已保存：{name}</source><translation>Saved: {name}</translation></message>
<message><source>收费标准，有依据时附后</source><translation>The fee, followed by its basis when given</translation></message>
<message><source>新建</source><translation>New</translation></message>
<message><source>新模板</source><translation>New template</translation></message>
<message><source>材料名称、原件或复印件、份数、备注，编号</source><translation>Document name, original or copy, number of copies, remarks; numbered</translation></message>
<message><source>标题</source><translation>Heading</translation></message>
<message><source>模板名称</source><translation>Template name</translation></message>
<message><source>模板有误，改正后显示预览</source><translation>The template has a problem; the preview shows once it is fixed</translation></message>
<message><source>法定时限和承诺时限（0 为即办）</source><translation>Statutory and promised time limits (0 = on the spot)</translation></message>
<message><source>法律法规名称、制定机关、文号和条款，多项时编号</source><translation>Law, issuing body, document number and article; numbered when several</translation></message>
<message><source>用于：{layouts}</source><translation>Used for: {layouts}</translation></message>
<message><source>申请条件，每条一行</source><translation>Eligibility, one condition per line</translation></message>
<message><source>预览版式</source><translation>Preview layout</translation></message>
</context>
<context><name>EditorPanels</name>
<message><source>办事指南</source><translation>Service guide</translation></message>
</context>
<context><name>FrontDesk</name>
<message><source> 张</source><translation> card(s)</translation></message>
<message><source> 等</source><translation> and others</translation></message>
<message><source>{day}审定</source><translation>approved {day}</translation></message>
<message><source>{name}（{n} 项）</source><translation>{name} ({n})</translation></message>
<message><source>{name}（第{n}版）</source><translation>{name} (version {n})</translation></message>
<message><source>不是办事指南</source><translation>not a service guide</translation></message>
<message><source>不能打印（{n} 项）</source><translation>Cannot print ({n})</translation></message>
<message><source>不能打印：</source><translation>Cannot print: </translation></message>
<message><source>事项名称</source><translation>Service</translation></message>
<message><source>份数</source><translation>Cards</translation></message>
<message><source>共 {n} 项办事指南</source><translation>{n} service guides</translation></message>
<message><source>关闭</source><translation>Close</translation></message>
<message><source>可否打印</source><translation>Printable</translation></message>
<message><source>可打印 · 第{n}版</source><translation>Prints · version {n}</translation></message>
<message><source>审核中，未批准</source><translation>in review, not approved</translation></message>
<message><source>将打印（{n} 项）</source><translation>Will print ({n})</translation></message>
<message><source>已发送到打印机：{names}（{n} 项，{pages} 页）</source><translation>Sent to the printer: {names} ({n} guide(s), {pages} page(s))</translation></message>
<message><source>已取消打印，未计入打印记录。</source><translation>Printing was cancelled; nothing was counted.</translation></message>
<message><source>已废止</source><translation>abolished</translation></message>
<message><source>已打印</source><translation>Printed</translation></message>
<message><source>已打印 {n} 张</source><translation>{n} card(s) printed</translation></message>
<message><source>已撤稿</source><translation>withdrawn</translation></message>
<message><source>已退回修改</source><translation>returned for changes</translation></message>
<message><source>待关联信息一并发布</source><translation>held for its partner item</translation></message>
<message><source>打印…</source><translation>Print…</translation></message>
<message><source>打印一个科室或一个窗口的全部办事指南</source><translation>Print every guide of a section or of a window</translation></message>
<message><source>批量打印…</source><translation>Batch print…</translation></message>
<message><source>批量打印办事须知卡</source><translation>Print guide cards in a batch</translation></message>
<message><source>找到 {n} 项</source><translation>{n} found</translation></message>
<message><source>按科室</source><translation>By section</translation></message>
<message><source>按窗口</source><translation>By window</translation></message>
<message><source>撤稿已批准</source><translation>withdrawal approved</translation></message>
<message><source>未提交审核</source><translation>never submitted</translation></message>
<message><source>每项份数</source><translation>Cards of each guide</translation></message>
<message><source>每项办事指南打印的卡片张数（A4 四联时每页排 4 张）</source><translation>Cards to print of each guide (A4 four-up puts 4 on a sheet)</translation></message>
<message><source>没有可以打印的办事指南。</source><translation>There is no guide that may be printed.</translation></message>
<message><source>没有找到匹配的办事指南。可以试试事项名称中的其他字词、拼音或首字母。</source><translation>No guide matches. Try other words of the service name, its pinyin or initials.</translation></message>
<message><source>版式</source><translation>Layout</translation></message>
<message><source>用系统打印对话框打印所选办事指南的卡片（Ctrl+P）</source><translation>Print the chosen guide's card with the system print dialog (Ctrl+P)</translation></message>
<message><source>窗口</source><translation>Window</translation></message>
<message><source>第{n}版</source><translation>version {n}</translation></message>
<message><source>请先选择一项办事指南</source><translation>Choose a service guide first</translation></message>
<message><source>输入事项名称、拼音或首字母，如：营业执照、yingyezhizhao、yyzz</source><translation>Type a service name, its pinyin or initials, e.g. 营业执照, yingyezhizhao, yyzz</translation></message>
<message><source>；{n} 项不能打印</source><translation>; {n} could not be printed</translation></message>
</context>
<context><name>GuidePanel</name>
<message><source>上移</source><translation>Move up</translation></message>
<message><source>下移</source><translation>Move down</translation></message>
<message><source>不收费</source><translation>No fee</translation></message>
<message><source>个工作日（0 为即办）</source><translation>working days (0 = on the spot)</translation></message>
<message><source>事项名称</source><translation>Service name</translation></message>
<message><source>份数</source><translation>Copies</translation></message>
<message><source>删除</source><translation>Remove</translation></message>
<message><source>制定机关</source><translation>Issued by</translation></message>
<message><source>办事指南各要素（“八公开”卡片由此生成）</source><translation>The elements of the service guide (its guide card is made from them)</translation></message>
<message><source>办理地点</source><translation>Where</translation></message>
<message><source>办理时间</source><translation>Office hours</translation></message>
<message><source>办理材料</source><translation>Required documents</translation></message>
<message><source>办理流程</source><translation>Procedure</translation></message>
<message><source>办理窗口</source><translation>Window</translation></message>
<message><source>办理结果</source><translation>Outcome</translation></message>
<message><source>卡片预览</source><translation>Card preview</translation></message>
<message><source>卡片预览：{name}</source><translation>Card preview: {name}</translation></message>
<message><source>即办</source><translation>on the spot</translation></message>
<message><source>原件/复印件</source><translation>Original/copy</translation></message>
<message><source>咨询电话</source><translation>Enquiries</translation></message>
<message><source>填入“不收费”（收费标准不能空着）</source><translation>Fill in 不收费 (no fee); the fee may not be left blank</translation></message>
<message><source>备注</source><translation>Remarks</translation></message>
<message><source>如：每件50元；不收费请写“不收费”</source><translation>e.g. 50 yuan each; write 不收费 when there is no fee</translation></message>
<message><source>如：法定工作日 上午8:30—12:00，下午14:30—17:30</source><translation>e.g. working days 8:30–12:00 and 14:30–17:30</translation></message>
<message><source>工作日数；0 表示即办</source><translation>Working days; 0 means settled on the spot</translation></message>
<message><source>承诺时限</source><translation>Promised time limit</translation></message>
<message><source>按当前内容预览办事须知卡（A6；未经审定的预览）</source><translation>Preview the guide card of what is typed now (A6; not approved)</translation></message>
<message><source>收费依据</source><translation>Basis of the fee</translation></message>
<message><source>收费标准</source><translation>Fee</translation></message>
<message><source>文号</source><translation>Document no.</translation></message>
<message><source>未填写</source><translation>not given</translation></message>
<message><source>材料名称</source><translation>Document</translation></message>
<message><source>条款</source><translation>Article</translation></message>
<message><source>正在生成预览……</source><translation>Making the preview…</translation></message>
<message><source>步骤</source><translation>Step</translation></message>
<message><source>每条一行，如：（一）申请人为依法设立的企业；</source><translation>One condition per line, e.g. (1) the applicant is a lawfully registered enterprise;</translation></message>
<message><source>法定时限</source><translation>Statutory time limit</translation></message>
<message><source>法律法规名称</source><translation>Law or regulation</translation></message>
<message><source>添加依据</source><translation>Add basis</translation></message>
<message><source>添加材料</source><translation>Add document</translation></message>
<message><source>添加步骤</source><translation>Add step</translation></message>
<message><source>申请条件</source><translation>Eligibility</translation></message>
<message><source>监督投诉电话</source><translation>Complaints</translation></message>
<message><source>设定依据</source><translation>Legal basis</translation></message>
<message><source>预览卡片</source><translation>Preview card</translation></message>
<message><source>（未填写事项名称）</source><translation>(no service name yet)</translation></message>
</context>
<context><name>MainWindow</name>
<message><source>导引台</source><translation>Front desk</translation></message>
</context>
</TS>
