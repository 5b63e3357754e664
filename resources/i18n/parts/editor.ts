<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<!-- English for the item editor (issue 2, editor engineer): desktop/editor/**, forms/ui/item_editor.ui. -->
<context><name>AttachmentsPanel</name>
<message><source>不再添加剩下的文件；已添加的保留</source><translation>Add no more of these files; those already added stay</translation></message>
<message><source>取消添加</source><translation>Cancel adding</translation></message>
<message><source>可将文件拖放到编辑窗口中添加；单个附件不超过 {limit}。</source><translation>Files can also be dropped onto the editor window; each attachment may be up to {limit}.</translation></message>
<message><source>大小</source><translation>Size</translation></message>
<message><source>已取消，未添加：{names}</source><translation>Cancelled; not added: {names}</translation></message>
<message><source>打开</source><translation>Open</translation></message>
<message><source>文件名</source><translation>File name</translation></message>
<message><source>正在取消…</source><translation>Cancelling…</translation></message>
<message><source>正在添加 {n} 个文件…</source><translation>Adding {n} file(s)…</translation></message>
<message><source>没有能打开此文件的程序：{path}</source><translation>No program can open this file: {path}</translation></message>
<message><source>添加人</source><translation>Added by</translation></message>
<message><source>添加时间</source><translation>Added at</translation></message>
<message><source>添加附件</source><translation>Add attachments</translation></message>
<message><source>添加附件…</source><translation>Add attachments…</translation></message>
<message><source>确定从此信息中移除附件“{name}”吗？</source><translation>Remove the attachment “{name}” from this item?</translation></message>
<message><source>移除</source><translation>Remove</translation></message>
<message><source>移除附件</source><translation>Remove attachment</translation></message>
</context>
<context><name>EditorBanner</name>
<message><source>栏目“{name}”已不接收此草稿</source><translation>The column “{name}” no longer takes this draft</translation></message>
<message><source>请在上方的“栏目”中选择本科室可以起草的其他栏目，移过去后即可继续编辑和提交；没有合适的栏目时请联系管理员。</source><translation>Choose another column of your section under “Column” above; once the draft has moved there you can edit and submit it again. If none fits, ask the administrator.</translation></message>
<message><source>{state} · 第{n}版</source><translation>{state} · version {n}</translation></message>
<message><source>修改</source><translation>Edit</translation></message>
<message><source>修改将撤回审核中的版本，改完后需重新提交审核。</source><translation>Editing withdraws the version under review; submit it again when you are done.</translation></message>
<message><source>发布中的版本保持不变，修改后需重新审核。</source><translation>The published version stays online; your changes need a new review.</translation></message>
<message><source>发布中的第{n}版保持不变，此修改稿重新审核通过后才会替换它。</source><translation>Published version {n} stays online until this revision is approved in a new review.</translation></message>
<message><source>只读</source><translation>Read only</translation></message>
<message><source>审核中</source><translation>In review</translation></message>
<message><source>已发布</source><translation>Published</translation></message>
<message><source>已发布（第{n}版）</source><translation>Published (version {n})</translation></message>
<message><source>已批准</source><translation>Approved</translation></message>
<message><source>已撤稿</source><translation>Withdrawn</translation></message>
<message><source>已被退回 · {who} · {when}</source><translation>Returned · {who} · {when}</translation></message>
<message><source>已退回</source><translation>Returned</translation></message>
<message><source>您没有修改此信息的权限，只能查看。</source><translation>You may not change this item; you can only read it.</translation></message>
<message><source>新信息（尚未保存）</source><translation>New item (not saved yet)</translation></message>
<message><source>此信息已撤稿，不能再修改</source><translation>This item was withdrawn and can no longer be changed</translation></message>
<message><source>第{n}版已批准，等待发布</source><translation>Version {n} is approved and waiting to be published</translation></message>
<message><source>第{n}版正在审核中</source><translation>Version {n} is in review</translation></message>
<message><source>草稿</source><translation>Draft</translation></message>
<message><source>这是已发布信息的修改稿</source><translation>This is a revision of a published item</translation></message>
<message><source>退回理由：</source><translation>Reason: </translation></message>
<message><source>（未填写退回理由）</source><translation>(no reason given)</translation></message>
</context>
<context><name>EditorFields</name>
<message><source>有效</source><translation>Valid</translation></message>
<message><source>失效</source><translation>Expired</translation></message>
<message><source>废止</source><translation>Repealed</translation></message>
<message><source>主动公开</source><translation>Proactive disclosure</translation></message>
<message><source>依申请公开</source><translation>On request</translation></message>
<message><source>不予公开</source><translation>Not disclosed</translation></message>
<message><source>非涉密</source><translation>Not classified</translation></message>
<message><source>涉密</source><translation>Classified</translation></message>
<message><source>主题分类</source><translation>Topic</translation></message>
<message><source>公开属性</source><translation>Disclosure</translation></message>
<message><source>内容概述</source><translation>Summary</translation></message>
<message><source>发布机构</source><translation>Publisher</translation></message>
<message><source>成文日期</source><translation>Date written</translation></message>
<message><source>文号</source><translation>Document number</translation></message>
<message><source>有效性</source><translation>Validity</translation></message>
<message><source>标题</source><translation>Title</translation></message>
<message><source>正文</source><translation>Body</translation></message>
<message><source>涉密状态</source><translation>Classification</translation></message>
<message><source>索引号</source><translation>Index number</translation></message>
</context>
<context><name>EditorWidgets</name>
<message><source>未填写</source><translation>Not set</translation></message>
<message><source>请选择主题分类…</source><translation>Choose a topic…</translation></message>
</context>
<context><name>HistoryPanel</name>
<message><source>保存</source><translation>Saved</translation></message>
<message><source>保存人</source><translation>Saved by</translation></message>
<message><source>保存时间</source><translation>Saved at</translation></message>
<message><source>恢复到编辑器</source><translation>Restore into the editor</translation></message>
<message><source>恢复历史内容</source><translation>Restore earlier content</translation></message>
<message><source>方式</source><translation>How</translation></message>
<message><source>用 {when} 保存的内容替换编辑器中的当前内容吗？
替换后仍可再恢复其他历史。</source><translation>Replace the editor's content with what was saved at {when}?
You can restore another entry afterwards.</translation></message>
<message><source>用这次保存的内容替换编辑器中的标题、正文和目录要素</source><translation>Replace the title, body and catalogue fields in the editor with this save</translation></message>
<message><source>自动保存</source><translation>Autosaved</translation></message>
<message><source>连续的自动保存合并为一条；附件的增删各算一次保存。</source><translation>Consecutive autosaves are kept as one entry; adding or removing an attachment counts as a save.</translation></message>
<message><source>附件：</source><translation>Attachments: </translation></message>
<message><source>（无标题）</source><translation>(untitled)</translation></message>
</context>
<context><name>ItemEditor</name>
<message><source>保留我的修改</source><translation>Keep my changes</translation></message>
<message><source>其他工作站的内容仍保存在第{n}版中；您的修改提交审核后成为新的一版。</source><translation>The other workstation's content stays in version {n}; your changes become a new version when submitted.</translation></message>
<message><source>已保留您的修改</source><translation>Your changes were kept</translation></message>
<message><source>已按其他工作站的更改更新：{state}</source><translation>Updated with another workstation's change: {state}</translation></message>
<message><source>已载入其他工作站的修改</source><translation>Loaded another workstation's changes</translation></message>
<message><source>您尚未保存的修改没有写入，其他工作站的内容也没有被覆盖。“重新载入”放弃您的修改；“保留我的修改”用您的内容替换它（其他工作站的内容仍保存在第{n}版中）。</source><translation>Your unsaved changes were not written and the other workstation's content was not overwritten. “Reload” discards your changes; “Keep my changes” replaces it with yours (the other workstation's content stays in version {n}).</translation></message>
<message><source>您未保存的修改已放弃。</source><translation>Your unsaved changes were discarded.</translation></message>
<message><source>此信息在其他工作站上有了新的内容，已自动重新载入。</source><translation>This item has new content from another workstation and was reloaded.</translation></message>
<message><source>此信息已在其他工作站修改</source><translation>This item was changed on another workstation</translation></message>
<message><source>重新载入</source><translation>Reload</translation></message>
<message><source>阻断性检查问题见“发布前检查”，第一项：{first}</source><translation>Blocking check findings are listed under “Pre-publication checks”; the first: {first}</translation></message>
<message><source>{n} 处填写需要修改</source><translation>{n} field(s) to correct</translation></message>
<message><source>{n} 项阻断性检查问题未处理</source><translation>{n} blocking check finding(s) unresolved</translation></message>
<message><source>还不能提交审核：</source><translation>Not yet ready for review: </translation></message>
<message><source>，</source><translation>; </translation></message>
<message><source>已移到栏目“{name}”</source><translation>Moved to the column “{name}”</translation></message>
<message><source>正在移动…</source><translation>Moving…</translation></message>
<message><source>{title} — 信息编辑</source><translation>{title} — Item editor</translation></message>
<message><source>“{title}”有尚未保存的修改。</source><translation>“{title}” has unsaved changes.</translation></message>
<message><source>保存为草稿，还是放弃自上次保存以来的修改？</source><translation>Save them as a draft, or discard the changes since the last save?</translation></message>
<message><source>保存草稿</source><translation>Save draft</translation></message>
<message><source>信息编辑</source><translation>Item editor</translation></message>
<message><source>包含尚未保存为草稿的自动保存内容（{when}）</source><translation>Contains autosaved changes not yet saved as a draft ({when})</translation></message>
<message><source>历史</source><translation>History</translation></message>
<message><source>取消</source><translation>Cancel</translation></message>
<message><source>只有科室信息员和科室负责人可以在本科室的栏目中起草信息。</source><translation>Only drafters and section heads draft items, in their own section's columns.</translation></message>
<message><source>可点击“保存草稿”保留，或在关闭时选择放弃这些修改。</source><translation>Click “Save draft” to keep them, or discard them when you close the editor.</translation></message>
<message><source>已保存 {time}</source><translation>Saved {time}</translation></message>
<message><source>已恢复历史内容</source><translation>Earlier content restored</translation></message>
<message><source>已提交 {time}</source><translation>Submitted {time}</translation></message>
<message><source>已提交审核：第{n}版</source><translation>Submitted for review: version {n}</translation></message>
<message><source>已自动保存 {time}</source><translation>Autosaved {time}</translation></message>
<message><source>您没有可以起草信息的栏目</source><translation>There is no column you may draft in</translation></message>
<message><source>操作未完成</source><translation>Not done</translation></message>
<message><source>放弃修改</source><translation>Discard changes</translation></message>
<message><source>新信息</source><translation>New item</translation></message>
<message><source>有未保存的修改</source><translation>Unsaved changes</translation></message>
<message><source>未保存</source><translation>Not saved</translation></message>
<message><source>未提交</source><translation>Not submitted</translation></message>
<message><source>正在保存…</source><translation>Saving…</translation></message>
<message><source>正在提交…</source><translation>Submitting…</translation></message>
<message><source>索引号 {no}。审核期间如需修改，点击上方的“修改”。</source><translation>Index number {no}. To change it during review, click “Edit” above.</translation></message>
<message><source>自动保存后生效；也可以再恢复其他历史。</source><translation>It takes effect with the next autosave; you can restore another entry instead.</translation></message>
<message><source>还有 {n} 处需要修改才能提交审核</source><translation>{n} problem(s) to fix before the item can be submitted</translation></message>
<message><source>附件</source><translation>Attachments</translation></message>
<message><source>附件（{n}）</source><translation>Attachments ({n})</translation></message>
</context>
<context><name>ItemEditorForm</name>
<message><source>主题分类</source><translation>Topic</translation></message>
<message><source>保存草稿</source><translation>Save draft</translation></message>
<message><source>保存草稿（Ctrl+S）</source><translation>Save draft (Ctrl+S)</translation></message>
<message><source>信息编辑</source><translation>Item editor</translation></message>
<message><source>公开属性</source><translation>Disclosure</translation></message>
<message><source>公开目录要素</source><translation>Catalogue fields</translation></message>
<message><source>内容概述</source><translation>Summary</translation></message>
<message><source>发布机构</source><translation>Publisher</translation></message>
<message><source>如：信政服〔2017〕12号</source><translation>e.g. 信政服〔2017〕12号</translation></message>
<message><source>成文日期</source><translation>Date written</translation></message>
<message><source>提交审核</source><translation>Submit for review</translation></message>
<message><source>提交审核（Ctrl+Enter）</source><translation>Submit for review (Ctrl+Enter)</translation></message>
<message><source>提交时自动生成</source><translation>Assigned on first submission</translation></message>
<message><source>文号</source><translation>Document number</translation></message>
<message><source>有效性</source><translation>Validity</translation></message>
<message><source>标题</source><translation>Title</translation></message>
<message><source>栏目</source><translation>Column</translation></message>
<message><source>正文</source><translation>Body</translation></message>
<message><source>涉密状态</source><translation>Classification</translation></message>
<message><source>清除</source><translation>Clear</translation></message>
<message><source>清除成文日期</source><translation>Clear the date written</translation></message>
<message><source>用一两句话概括内容，不超过100字</source><translation>Sum up the content in a sentence or two, at most 100 characters</translation></message>
<message><source>索引号</source><translation>Index number</translation></message>
<message><source>索引号在首次提交审核时按规则自动生成，之后不能修改</source><translation>The index number is assigned by rule at the first submission and never changes afterwards</translation></message>
<message><source>请输入标题</source><translation>Enter a title</translation></message>
</context>
<context><name>RichTextEditor</name>
<message><source>一级标题</source><translation>Heading 1</translation></message>
<message><source>三级标题</source><translation>Heading 3</translation></message>
<message><source>下划线</source><translation>Underline</translation></message>
<message><source>两端对齐</source><translation>Justify</translation></message>
<message><source>二级标题</source><translation>Heading 2</translation></message>
<message><source>倾斜</source><translation>Italic</translation></message>
<message><source>加粗</source><translation>Bold</translation></message>
<message><source>右对齐</source><translation>Align right</translation></message>
<message><source>居中</source><translation>Centre</translation></message>
<message><source>左对齐</source><translation>Align left</translation></message>
<message><source>正文</source><translation>Body text</translation></message>
<message><source>段落样式</source><translation>Paragraph style</translation></message>
<message><source>编号列表</source><translation>Numbered list</translation></message>
<message><source>项目符号列表</source><translation>Bulleted list</translation></message>
</context>
</TS>
