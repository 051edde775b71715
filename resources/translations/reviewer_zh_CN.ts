<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>Labels</name>
    <message>
      <source>&amp;New project…</source>
      <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
      <source>&amp;Open project…</source>
      <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
      <source>Open s&amp;hared project…</source>
      <translation>打开共享项目(&amp;H)…</translation>
    </message>
    <message>
      <source>&amp;Import documents…</source>
      <translation>导入文档(&amp;I)…</translation>
    </message>
    <message>
      <source>Import reference &amp;table…</source>
      <translation>导入参照表(&amp;T)…</translation>
    </message>
    <message>
      <source>&amp;Export…</source>
      <translation>导出(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Save a copy…</source>
      <translation>保存副本(&amp;S)…</translation>
    </message>
    <message>
      <source>&amp;Check source files…</source>
      <translation>检查源文件(&amp;C)…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>撤销(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>重做(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Add figure from selection…</source>
      <translation>将选中文字添加为数字(&amp;A)…</translation>
    </message>
    <message>
      <source>&amp;Preferences…</source>
      <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
      <source>&amp;Date and reporting period…</source>
      <translation>日期和报告期(&amp;D)…</translation>
    </message>
    <message>
      <source>Confirm</source>
      <translation>确认</translation>
    </message>
    <message>
      <source>Reject</source>
      <translation>否决</translation>
    </message>
    <message>
      <source>Correct (edit the value)</source>
      <translation>更正（修改数值）</translation>
    </message>
    <message>
      <source>Skip</source>
      <translation>跳过</translation>
    </message>
    <message>
      <source>Next figure</source>
      <translation>下一个数字</translation>
    </message>
    <message>
      <source>Previous figure</source>
      <translation>上一个数字</translation>
    </message>
    <message>
      <source>Next pending figure</source>
      <translation>下一个待核数字</translation>
    </message>
    <message>
      <source>Confirm all identical figures in this document…</source>
      <translation>确认本文档中所有相同的数字…</translation>
    </message>
    <message>
      <source>Confirm all identical figures in all documents…</source>
      <translation>确认所有文档中相同的数字…</translation>
    </message>
    <message>
      <source>Agreement between reviewers…</source>
      <translation>核定人之间的一致性…</translation>
    </message>
    <message>
      <source>Adjudicate disputes…</source>
      <translation>裁定分歧…</translation>
    </message>
    <message>
      <source>&amp;Assign documents…</source>
      <translation>分配文档(&amp;A)…</translation>
    </message>
    <message>
      <source>Next document</source>
      <translation>下一个文档</translation>
    </message>
    <message>
      <source>Previous document</source>
      <translation>上一个文档</translation>
    </message>
    <message>
      <source>Zoom &amp;in</source>
      <translation>放大(&amp;I)</translation>
    </message>
    <message>
      <source>Zoom &amp;out</source>
      <translation>缩小(&amp;O)</translation>
    </message>
    <message>
      <source>&amp;Reset zoom</source>
      <translation>恢复缩放(&amp;R)</translation>
    </message>
    <message>
      <source>Show &amp;dates</source>
      <translation>显示日期(&amp;D)</translation>
    </message>
    <message>
      <source>Re&amp;load from disk</source>
      <translation>从磁盘重新载入(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Find in figures</source>
      <translation>查找数字(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Checks panel</source>
      <translation>核对面板(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Accept finding…</source>
      <translation>接受核对发现(&amp;A)…</translation>
    </message>
    <message>
      <source>&amp;Reopen finding</source>
      <translation>重新打开核对发现(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
      <source>Open &amp;log folder</source>
      <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;About figure-reviewer</source>
      <translation>关于 figure-reviewer(&amp;A)</translation>
    </message>
    <message>
      <source>Add a figure</source>
      <translation>添加数字</translation>
    </message>
    <message>
      <source>Figure</source>
      <translation>数字</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>数值</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Indicator</source>
      <translation>指标</translation>
    </message>
    <message>
      <source>“%1” is not a value: write it as in a report, e.g. 650亿, 1.5万, 12.5% or 80.6亿美元</source>
      <translation>“%1”不是数值：请按报告的写法填写，如 650亿、1.5万、12.5% 或 80.6亿美元</translation>
    </message>
    <message>
      <source>Hide names</source>
      <translation>隐藏姓名</translation>
    </message>
    <message>
      <source>Reviewer A, B, C… instead of their names: the same letter for one person throughout</source>
      <translation>以核定人A、B、C……代替姓名：同一人始终是同一个字母</translation>
    </message>
    <message>
      <source>1, 2, 3… take that reviewer's version; C confirms, X rejects, E writes your own final version; Ctrl+Z undoes</source>
      <translation>按1、2、3……采用该核定人的版本；C确认，X驳回，E填写您自己的最终版本；Ctrl+Z撤销</translation>
    </message>
    <message>
      <source>Reading the reviewers' decisions…</source>
      <translation>正在读取各核定人的决定…</translation>
    </message>
    <message>
      <source>This project is open read-only</source>
      <translation>本项目以只读方式打开</translation>
    </message>
    <message>
      <source>Final version of %1</source>
      <translation>%1的最终版本</translation>
    </message>
    <message>
      <source>That version already is the final decision: nothing recorded</source>
      <translation>该版本已是最终决定：未作记录</translation>
    </message>
    <message>
      <source>Reviewer %1 did not decide this figure</source>
      <translation>核定人%1未核定此数字</translation>
    </message>
    <message>
      <source>%1 settled by agreement, %2 disputes, %3 waiting for more reviewers; %4 settled by adjudication</source>
      <translation>%1个意见一致已定，%2个分歧，%3个待更多核定人；%4个已裁定</translation>
    </message>
    <message>
      <source>Every decision is the same one: chance alone explains the agreement, so kappa and alpha say nothing</source>
      <translation>所有决定都相同：一致可能纯属偶然，kappa和alpha无从说明</translation>
    </message>
    <message>
      <source>No figure in common: nothing to compare</source>
      <translation>没有共同核定的数字：无从比较</translation>
    </message>
    <message>
      <source>Same correction: — (no figure corrected by both)</source>
      <translation>更正一致：—（没有两人都更正的数字）</translation>
    </message>
    <message>
      <source>Agreement between reviewers</source>
      <translation>核定人之间的一致性</translation>
    </message>
    <message>
      <source>Fewer than two reviewers decided figures: nothing to compare</source>
      <translation>核定过数字的核定人不足两位：无从比较</translation>
    </message>
    <message>
      <source>%1 figures decided by both</source>
      <translation>%1个数字两人都核定</translation>
    </message>
    <message>
      <source>Agreement: %1</source>
      <translation>一致比例：%1</translation>
    </message>
    <message>
      <source>Cohen's kappa: %1</source>
      <translation>Cohen's kappa：%1</translation>
    </message>
    <message>
      <source>Krippendorff's alpha: %1</source>
      <translation>Krippendorff's alpha：%1</translation>
    </message>
    <message>
      <source>Same correction: %1 of %2 corrected by both</source>
      <translation>更正一致：两人都更正的%2个中%1</translation>
    </message>
    <message>
      <source>%1 and %2</source>
      <translation>%1与%2</translation>
    </message>
    <message>
      <source>Overall: %1 figures decided by two reviewers or more; agreement %2, Light's kappa %3, Krippendorff's alpha %4, same correction %5</source>
      <translation>全体：%1个数字有两位以上核定人核定；一致比例%2，Light's kappa %3，Krippendorff's alpha %4，更正一致%5</translation>
    </message>
    <message>
      <source>Something went wrong: %1. The details are in the log (Help &gt; Open log folder).</source>
      <translation>出错了：%1。详细信息已写入日志（帮助 &gt; 打开日志文件夹）。</translation>
    </message>
    <message>
      <source>Assign documents</source>
      <translation>分配文档</translation>
    </message>
    <message>
      <source>Tick who reviews each document, and how many of them must decide each of its figures.</source>
      <translation>勾选每个文档的核定人，并设定每个数字须由其中几位作出决定。</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>文档</translation>
    </message>
    <message>
      <source>Reviewers needed</source>
      <translation>所需核定人数</translation>
    </message>
    <message>
      <source>How many of the chosen reviewers decide each figure (1 to 3)</source>
      <translation>每个数字须由所选核定人中的几位作出决定（1 至 3 位）</translation>
    </message>
    <message>
      <source>Nobody on this project is a reviewer yet (reviewer team add URL NAME --role reviewer).</source>
      <translation>本项目还没有核定人（reviewer team add URL NAME --role reviewer）。</translation>
    </message>
    <message>
      <source>Give %1 to %2</source>
      <translation>将 %1 分配给 %2</translation>
    </message>
    <message>
      <source>Reference agrees: %1</source>
      <translation>与参照表一致：%1</translation>
    </message>
    <message>
      <source>Reference differs: %1</source>
      <translation>与参照表不符：%1</translation>
    </message>
    <message>
      <source>Checking the figures of %1 documents…</source>
      <translation>正在核对 %1 份文档的数字……</translation>
    </message>
    <message>
      <source>Finding accepted: %1</source>
      <translation>已接受核对发现：%1</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1：%2</translation>
    </message>
    <message>
      <source>%1 reference rows imported from %2</source>
      <translation>已从 %2 导入 %1 行参照数据</translation>
    </message>
    <message>
      <source>; </source>
      <translation>；</translation>
    </message>
    <message>
      <source>Finding</source>
      <translation>核对发现</translation>
    </message>
    <message>
      <source>Figures</source>
      <translation>涉及数字</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>&amp;Accept…</source>
      <translation>接受(&amp;A)…</translation>
    </message>
    <message>
      <source>The figures are right as they are: say why</source>
      <translation>这些数字本身无误：请说明理由</translation>
    </message>
    <message>
      <source>Re&amp;open</source>
      <translation>重新打开(&amp;O)</translation>
    </message>
    <message>
      <source>Accept finding</source>
      <translation>接受核对发现</translation>
    </message>
    <message>
      <source>e.g. different scope: 高技术制造业 includes firms below the size threshold</source>
      <translation>例如：口径不同，高技术制造业含规模以下企业</translation>
    </message>
    <message>
      <source>&amp;Why are the figures right as they are?</source>
      <translation>为什么这些数字无误(&amp;W)？</translation>
    </message>
    <message>
      <source>Accept</source>
      <translation>接受</translation>
    </message>
    <message>
      <source>error</source>
      <translation>错误</translation>
    </message>
    <message>
      <source>warning</source>
      <translation>警告</translation>
    </message>
    <message>
      <source>note</source>
      <translation>提示</translation>
    </message>
    <message>
      <source>open</source>
      <translation>待处理</translation>
    </message>
    <message>
      <source>accepted</source>
      <translation>已接受</translation>
    </message>
    <message>
      <source>resolved</source>
      <translation>已解决</translation>
    </message>
    <message>
      <source>No findings: the figures that can be checked agree</source>
      <translation>没有核对发现：可核对的数字彼此一致</translation>
    </message>
    <message>
      <source>Figures: %1</source>
      <translation>涉及数字：%1</translation>
    </message>
    <message>
      <source>Open: %1 (errors: %2); accepted or resolved: %3</source>
      <translation>待处理 %1 条（其中错误 %2 条），已接受或已解决 %3 条</translation>
    </message>
    <message>
      <source>No font that can show Chinese is installed: every Chinese character will appear as a box. Install one (on Debian/Ubuntu: sudo apt install fonts-noto-cjk) and restart.</source>
      <translation>没有安装能显示中文的字体，所有汉字都会显示为方框。请安装一种中文字体（Debian/Ubuntu：sudo apt install fonts-noto-cjk）后重新启动。</translation>
    </message>
    <message>
      <source>Single keys work in the document and the table; keys with Ctrl work everywhere, also while typing.</source>
      <translation>单键快捷键在文档和表格中有效；带 Ctrl 的快捷键在任何地方都有效，输入时也可用。</translation>
    </message>
    <message>
      <source>Your name</source>
      <translation>您的姓名</translation>
    </message>
    <message>
      <source>Nothing recorded: a decision needs your name</source>
      <translation>未记录：记录决定需要您的姓名</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>键盘快捷键</translation>
    </message>
    <message>
      <source>Your name goes with every decision you record (asked once):</source>
      <translation>您的姓名将记录在每个决定上（只问一次）：</translation>
    </message>
    <message>
      <source>This reviewer did not decide the figure</source>
      <translation>该核定人未核定此数字</translation>
    </message>
    <message>
      <source>Context</source>
      <translation>上下文</translation>
    </message>
    <message>
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <source>inferred from the text</source>
      <translation>由正文推断</translation>
    </message>
    <message>
      <source>Change…</source>
      <translation>更改…</translation>
    </message>
    <message>
      <source>Change the document's date and reporting period (Ctrl+Shift+D)</source>
      <translation>更改文档的日期和报告期（Ctrl+Shift+D）</translation>
    </message>
    <message>
      <source>Date and reporting period</source>
      <translation>日期和报告期</translation>
    </message>
    <message>
      <source>e.g. 2024-01-20</source>
      <translation>例如 2024-01-20</translation>
    </message>
    <message>
      <source>empty: inferred from the text</source>
      <translation>留空：由正文推断</translation>
    </message>
    <message>
      <source>The periods of its figures (今年, 去年, 上半年 …) are read against these; changing them extracts the document again and keeps every decision.</source>
      <translation>文中数字的时期（今年、去年、上半年……）据此推算；更改后将重新提取本文档，所有核定结果都会保留。</translation>
    </message>
    <message>
      <source>Document &amp;date (YYYY-MM-DD)</source>
      <translation>文档日期(&amp;D)（YYYY-MM-DD）</translation>
    </message>
    <message>
      <source>&amp;Reporting period (2023, 2025-01/2025-11)</source>
      <translation>报告期(&amp;R)（2023、2025-01/2025-11）</translation>
    </message>
    <message>
      <source>Extracting the document again under its new date…</source>
      <translation>正在按新日期重新提取文档…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Reporting period: %1</source>
      <translation>报告期：%1</translation>
    </message>
    <message>
      <source>This project is open read-only: nothing can be changed.</source>
      <translation>此项目以只读方式打开，不能更改。</translation>
    </message>
    <message>
      <source>The document is still being extracted under its new date.</source>
      <translation>文档仍在按新日期重新提取。</translation>
    </message>
    <message>
      <source>The date and reporting period are as they were</source>
      <translation>日期和报告期未变</translation>
    </message>
    <message>
      <source>Nothing changed: the new date was cancelled</source>
      <translation>未作更改：新日期已取消</translation>
    </message>
    <message>
      <source>Document date: %1</source>
      <translation>文档日期：%1</translation>
    </message>
    <message>
      <source>New date stored: %1 periods changed, %2 figures kept with their decisions</source>
      <translation>新日期已保存：%1 个时期改变，%2 个数字连同核定结果保留</translation>
    </message>
    <message>
      <source>%1 is working on it</source>
      <translation>%1 正在核定</translation>
    </message>
    <message>
      <source>Yours</source>
      <translation>我的</translation>
    </message>
    <message>
      <source>Assigned to you</source>
      <translation>已分配给你</translation>
    </message>
    <message>
      <source>The source file changed since it was imported</source>
      <translation>源文件在导入后已被修改</translation>
    </message>
    <message>
      <source>%1 of %2 figures reviewed</source>
      <translation>已核 %1 / %2 个数字</translation>
    </message>
    <message>
      <source>%1 decisions lost their figure</source>
      <translation>%1 条决定的数字已不在原文中</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>All documents</source>
      <translation>全部文档</translation>
    </message>
    <message>
      <source>One sheet per document</source>
      <translation>每篇文档一张工作表</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>States</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>文档</translation>
    </message>
    <message>
      <source>Headers</source>
      <translation>表头语言</translation>
    </message>
    <message>
      <source>Save as (.xlsx, .csv, .json)</source>
      <translation>保存为（.xlsx、.csv、.json）</translation>
    </message>
    <message>
      <source>Only the document on screen</source>
      <translation>只导出当前文档</translation>
    </message>
    <message>
      <source>1 figure exported to %2</source>
      <translation>已导出 1 个数字到 %2</translation>
    </message>
    <message>
      <source>%1 figures exported to %2</source>
      <translation>已导出 %1 个数字到 %2</translation>
    </message>
    <message>
      <source>Exporting to %1…</source>
      <translation>正在导出到 %1…</translation>
    </message>
    <message>
      <source>Export cancelled; %1 was not changed</source>
      <translation>已取消导出，%1 未被改动</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>变化</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>时期</translation>
    </message>
    <message>
      <source>Confidence</source>
      <translation>置信度</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>This decision's figure is no longer found in the text</source>
      <translation>此决定对应的数字已不在原文中</translation>
    </message>
    <message>
      <source>New project</source>
      <translation>新建项目</translation>
    </message>
    <message>
      <source>Open project</source>
      <translation>打开项目</translation>
    </message>
    <message>
      <source>Import documents</source>
      <translation>导入文档</translation>
    </message>
    <message>
      <source>Save a copy of the project</source>
      <translation>保存项目副本</translation>
    </message>
    <message>
      <source>Export to</source>
      <translation>导出到</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx);;CSV (*.csv);;JSON (*.json)</source>
      <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
      <source>Import reference table</source>
      <translation>导入参照表</translation>
    </message>
    <message>
      <source>Reference tables (*.xlsx *.csv)</source>
      <translation>参照表 (*.xlsx *.csv)</translation>
    </message>
    <message>
      <source>Review projects (*%1)</source>
      <translation>核校项目 (*%1)</translation>
    </message>
    <message>
      <source>Documents (%1)</source>
      <translation>文档 (%1)</translation>
    </message>
    <message>
      <source>Confirm identical figures</source>
      <translation>确认相同的数字</translation>
    </message>
    <message>
      <source>Sentence</source>
      <translation>句子</translation>
    </message>
    <message>
      <source>Confirm all %1</source>
      <translation>全部确认（%1 个）</translation>
    </message>
    <message>
      <source>Confirm these %1 figures (same value, unit, kind and indicator: %2)?</source>
      <translation>确认以下 %1 个数字（数值、单位、类型和指标均相同：%2）？</translation>
    </message>
    <message>
      <source>Importing documents…</source>
      <translation>正在导入文档…</translation>
    </message>
    <message>
      <source>Source files changed</source>
      <translation>源文件已修改</translation>
    </message>
    <message>
      <source>1 document imported</source>
      <translation>已导入 1 篇文档</translation>
    </message>
    <message>
      <source>%1 documents imported</source>
      <translation>已导入 %1 篇文档</translation>
    </message>
    <message>
      <source>, </source>
      <translation>，</translation>
    </message>
    <message>
      <source>Open or create a project first (File &gt; New project).</source>
      <translation>请先打开或新建一个项目（文件 &gt; 新建项目）。</translation>
    </message>
    <message>
      <source>An import is already running.</source>
      <translation>已有一个导入正在进行。</translation>
    </message>
    <message>
      <source>Some files could not be imported; the others were:</source>
      <translation>以下文件未能导入，其余文件已导入：</translation>
    </message>
    <message>
      <source>Every source file is as it was imported</source>
      <translation>所有源文件都与导入时一致</translation>
    </message>
    <message>
      <source>Import the changed files again? Decisions are carried over where the figure is still there; the others are kept and flagged.</source>
      <translation>重新导入已修改的文件吗？数字仍在原文中的，决定会保留；其余决定也会保留并加以标记。</translation>
    </message>
    <message>
      <source>1 document skipped</source>
      <translation>跳过 1 篇文档</translation>
    </message>
    <message>
      <source>%1 documents skipped</source>
      <translation>跳过 %1 篇文档</translation>
    </message>
    <message>
      <source>1 file could not be imported</source>
      <translation>1 个文件未能导入</translation>
    </message>
    <message>
      <source>%1 files could not be imported</source>
      <translation>%1 个文件未能导入</translation>
    </message>
    <message>
      <source>Import cancelled: %1</source>
      <translation>导入已取消：%1</translation>
    </message>
    <message>
      <source>Reading %1…</source>
      <translation>正在读取 %1…</translation>
    </message>
    <message>
      <source>These source files changed or are missing:</source>
      <translation>以下源文件已修改或缺失：</translation>
    </message>
    <message>
      <source>Correct</source>
      <translation>更正</translation>
    </message>
    <message>
      <source>e.g. 80.6亿, 12.5%</source>
      <translation>如 80.6亿、12.5%</translation>
    </message>
    <message>
      <source>as in a report: 80.6亿, 1.5万, 12.5%, 三成</source>
      <translation>按报告写法：80.6亿、1.5万、12.5%、三成</translation>
    </message>
    <message>
      <source>Enter saves the note</source>
      <translation>按 Enter 保存备注</translation>
    </message>
    <message>
      <source>a note for the record (Enter saves it)</source>
      <translation>备注（按回车保存）</translation>
    </message>
    <message>
      <source>Save correction</source>
      <translation>保存更正</translation>
    </message>
    <message>
      <source>No figure selected</source>
      <translation>未选中数字</translation>
    </message>
    <message>
      <source>Table</source>
      <translation>表格</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>行</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>列</translation>
    </message>
    <message>
      <source>Unit from</source>
      <translation>单位来源</translation>
    </message>
    <message>
      <source>Correct (read-only project)</source>
      <translation>更正（项目为只读）</translation>
    </message>
    <message>
      <source>the cell itself</source>
      <translation>单元格本身</translation>
    </message>
    <message>
      <source>As extracted</source>
      <translation>原始提取</translation>
    </message>
    <message>
      <source>A %1 cannot have the unit “%2”: write the value with its unit (e.g. 650亿元), or change Kind and Unit</source>
      <translation>%1不能带单位“%2”：请连同单位填写数值（如 650亿元），或修改“类型”和“单位”</translation>
    </message>
    <message>
      <source>pending</source>
      <translation>待核</translation>
    </message>
    <message>
      <source>confirmed</source>
      <translation>已确认</translation>
    </message>
    <message>
      <source>corrected</source>
      <translation>已更正</translation>
    </message>
    <message>
      <source>rejected</source>
      <translation>已否决</translation>
    </message>
    <message>
      <source>money</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>quantity</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>percent</source>
      <translation>百分比</translation>
    </message>
    <message>
      <source>percentage points</source>
      <translation>百分点</translation>
    </message>
    <message>
      <source>multiple</source>
      <translation>倍数</translation>
    </message>
    <message>
      <source>fraction</source>
      <translation>比例</translation>
    </message>
    <message>
      <source>rank</source>
      <translation>排名</translation>
    </message>
    <message>
      <source>date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>%1 is working on this document; choose another</source>
      <translation>%1 正在核定此文档；请选择其他文档</translation>
    </message>
    <message>
      <source>the server closed the connection</source>
      <translation>服务器关闭了连接</translation>
    </message>
    <message>
      <source>Cannot listen for the others' work: %1</source>
      <translation>无法接收其他人的审核进展：%1</translation>
    </message>
    <message>
      <source>Find, review and export the figures in Chinese reports.</source>
      <translation>找出、核校并导出中文报告中的数字。</translation>
    </message>
    <message>
      <source>Search figures, indicators, notes…</source>
      <translation>搜索数字、指标、备注…</translation>
    </message>
    <message>
      <source>This document</source>
      <translation>本文档</translation>
    </message>
    <message>
      <source>All states</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>All kinds</source>
      <translation>全部类型</translation>
    </message>
    <message>
      <source>Doubtful only (confidence &lt; 0.8)</source>
      <translation>只看存疑的（置信度 &lt; 0.8）</translation>
    </message>
    <message>
      <source>Checks</source>
      <translation>核对</translation>
    </message>
    <message>
      <source>Click to change your name</source>
      <translation>点击更改您的姓名</translation>
    </message>
    <message>
      <source>Read-only</source>
      <translation>只读</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>Open &amp;recent</source>
      <translation>最近的项目(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Document</source>
      <translation>文档(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Review</source>
      <translation>核校(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Project</source>
      <translation>项目(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Checks</source>
      <translation>核对(&amp;K)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>Review</source>
      <translation>核校</translation>
    </message>
    <message>
      <source>figure-reviewer</source>
      <translation>figure-reviewer</translation>
    </message>
    <message>
      <source>About figure-reviewer</source>
      <translation>关于 figure-reviewer</translation>
    </message>
    <message>
      <source>no project</source>
      <translation>未打开项目</translation>
    </message>
    <message>
      <source>Open a project first.</source>
      <translation>请先打开一个项目。</translation>
    </message>
    <message>
      <source>The menus change language at the next start</source>
      <translation>菜单将在下次启动时换成新的语言</translation>
    </message>
    <message>
      <source>(read-only)</source>
      <translation>（只读）</translation>
    </message>
    <message>
      <source>A copy of the project was saved as %1</source>
      <translation>项目副本已保存为 %1</translation>
    </message>
    <message>
      <source>Project in use</source>
      <translation>项目正被使用</translation>
    </message>
    <message>
      <source>Project cannot be saved here</source>
      <translation>项目无法保存在此处</translation>
    </message>
    <message>
      <source>Open it read-only?</source>
      <translation>以只读方式打开？</translation>
    </message>
    <message>
      <source>Correct (%1)</source>
      <translation>更正（%1）</translation>
    </message>
    <message>
      <source>Read-only: %1</source>
      <translation>只读：%1</translation>
    </message>
    <message>
      <source>%1 documents assigned</source>
      <translation>已分配 %1 个文档</translation>
    </message>
    <message>
      <source>Reviewed %1 of %2 (%3)</source>
      <translation>已核 %1 / %2（%3）</translation>
    </message>
    <message>
      <source>Preferences</source>
      <translation>首选项</translation>
    </message>
    <message>
      <source>Asked at your first decision when empty</source>
      <translation>留空时，在您第一次作出决定时询问</translation>
    </message>
    <message>
      <source>System</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <source>After a decision, move to the next pending figure</source>
      <translation>作出决定后自动跳到下一个待核数字</translation>
    </message>
    <message>
      <source>Your name (goes with every decision)</source>
      <translation>您的姓名（记录在每个决定上）</translation>
    </message>
    <message>
      <source>Language (after a restart)</source>
      <translation>界面语言（重启后生效）</translation>
    </message>
    <message>
      <source>this computer</source>
      <translation>本机</translation>
    </message>
    <message>
      <source>shared project on %1</source>
      <translation>%1 上的共享项目</translation>
    </message>
    <message>
      <source>service %1</source>
      <translation>服务 %1</translation>
    </message>
    <message>
      <source>Already confirmed: nothing recorded</source>
      <translation>已确认过，未作记录</translation>
    </message>
    <message>
      <source>Already rejected: nothing recorded</source>
      <translation>已否决过，未作记录</translation>
    </message>
    <message>
      <source>Already pending: nothing recorded</source>
      <translation>已是待核，未作记录</translation>
    </message>
    <message>
      <source>Nothing changed: no correction recorded</source>
      <translation>未作改动，不记录更正</translation>
    </message>
    <message>
      <source>Note saved</source>
      <translation>备注已保存</translation>
    </message>
    <message>
      <source>The source file of this document changed since it was imported</source>
      <translation>此文档的源文件在导入后已被修改</translation>
    </message>
    <message>
      <source>Your note on %1 was saved</source>
      <translation>%1 的备注已保存</translation>
    </message>
    <message>
      <source>The figure is hidden by the filters; showing it in the text</source>
      <translation>该数字被筛选条件隐藏，已在正文中标出</translation>
    </message>
    <message>
      <source>No pending figures left in this view</source>
      <translation>此视图中已没有待核数字</translation>
    </message>
    <message>
      <source>No pending figure is identical to this one</source>
      <translation>没有与此相同的待核数字</translation>
    </message>
    <message>
      <source>Select the figure's text in the document first, then add it.</source>
      <translation>请先在文档中选中这个数字的文字，再添加。</translation>
    </message>
    <message>
      <source>Typed edits undone</source>
      <translation>已撤销输入的修改</translation>
    </message>
    <message>
      <source>Your edits of %1 wait on this computer: they go when the server is back</source>
      <translation>对 %1 的修改暂存在本机，服务器恢复后发送</translation>
    </message>
    <message>
      <source>Your edits of %1 were saved as a correction</source>
      <translation>对 %1 的修改已保存为更正</translation>
    </message>
    <message>
      <source>Offline: the decision waits on this computer and goes when the server is back</source>
      <translation>离线：该决定暂存在本机，服务器恢复后发送</translation>
    </message>
    <message>
      <source>Rejected; the correction typed for it was not saved</source>
      <translation>已否决；为其输入的更正未保存</translation>
    </message>
    <message>
      <source>%1 identical figures confirmed</source>
      <translation>已确认 %1 个相同的数字</translation>
    </message>
    <message>
      <source>Nothing changed: nothing recorded</source>
      <translation>未作改动，不作记录</translation>
    </message>
    <message>
      <source>… %1 more: narrow the search</source>
      <translation>……另有 %1 条，请缩小搜索范围</translation>
    </message>
    <message>
      <source>Open shared project</source>
      <translation>打开共享项目</translation>
    </message>
    <message>
      <source>db.example.org (empty: this computer)</source>
      <translation>db.example.org（留空：本机）</translation>
    </message>
    <message>
      <source>5432 (optional)</source>
      <translation>5432（可不填）</translation>
    </message>
    <message>
      <source>the database the team's projects are in</source>
      <translation>存放团队项目的数据库</translation>
    </message>
    <message>
      <source>the project's name, e.g. budget_2025</source>
      <translation>项目名称，例如 budget_2025</translation>
    </message>
    <message>
      <source>your database login (empty: your account's name)</source>
      <translation>你的数据库登录名（留空：本机账户名）</translation>
    </message>
    <message>
      <source>Default</source>
      <translation>默认</translation>
    </message>
    <message>
      <source>No password here: it comes from ~/.pgpass, pg_service.conf or PGPASSWORD.</source>
      <translation>此处不填密码：密码取自 ~/.pgpass、pg_service.conf 或 PGPASSWORD。</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <source>Host</source>
      <translation>主机</translation>
    </message>
    <message>
      <source>Port</source>
      <translation>端口</translation>
    </message>
    <message>
      <source>Database</source>
      <translation>数据库</translation>
    </message>
    <message>
      <source>Project</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>User</source>
      <translation>用户</translation>
    </message>
    <message>
      <source>TLS (sslmode)</source>
      <translation>TLS（sslmode）</translation>
    </message>
    <message>
      <source>Offline — 1 decision waiting</source>
      <translation>离线 — 1 个决定待发送</translation>
    </message>
    <message>
      <source>Offline — %1 decisions waiting</source>
      <translation>离线 — %1 个决定待发送</translation>
    </message>
    <message>
      <source>The server refused %1 decisions made while offline; they were not saved:</source>
      <translation>服务器拒绝了离线时做出的 %1 个决定，它们未被保存：</translation>
    </message>
    <message>
      <source>Online — sending 1 decision</source>
      <translation>在线 — 正在发送 1 个决定</translation>
    </message>
    <message>
      <source>Online — sending %1 decisions</source>
      <translation>在线 — 正在发送 %1 个决定</translation>
    </message>
    <message>
      <source>Online</source>
      <translation>在线</translation>
    </message>
    <message>
      <source>Figure %1 (%2): %3</source>
      <translation>数字 %1（%2）：%3</translation>
    </message>
    <message>
      <source>Disputes</source>
      <translation>分歧</translation>
    </message>
    <message>
      <source>reference table import</source>
      <translation>导入参照表</translation>
    </message>
    <message>
      <source>adding %1</source>
      <translation>添加 %1</translation>
    </message>
    <message>
      <source>accepting a finding</source>
      <translation>接受核对发现</translation>
    </message>
    <message>
      <source>reopening a finding</source>
      <translation>重新打开核对发现</translation>
    </message>
    <message>
      <source>note on %1</source>
      <translation>%1 的备注</translation>
    </message>
    <message>
      <source>assignment of %1</source>
      <translation>%1 的分配</translation>
    </message>
    <message>
      <source>document date %1</source>
      <translation>文档日期 %1</translation>
    </message>
    <message>
      <source>change of %1</source>
      <translation>修改 %1</translation>
    </message>
    <message>
      <source>&amp;Undo %1</source>
      <translation>撤销%1(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Redo %1</source>
      <translation>重做%1(&amp;R)</translation>
    </message>
    <message>
      <source>confirm %1</source>
      <translation>确认 %1</translation>
    </message>
    <message>
      <source>reject %1</source>
      <translation>否决 %1</translation>
    </message>
    <message>
      <source>correction of %1</source>
      <translation>更正 %1</translation>
    </message>
    <message>
      <source>reset of %1</source>
      <translation>重置 %1</translation>
    </message>
    <message>
      <source>%1 × %2</source>
      <translation>%1 × %2</translation>
    </message>
    <message>
      <source>Welcome to figure-reviewer</source>
      <translation>欢迎使用 figure-reviewer</translation>
    </message>
    <message>
      <source>Find every figure in your reports, review each one in place, and export the reviewed figures to Excel. Start with a project, or import documents: a project is then created beside them.</source>
      <translation>找出报告中的每一个数字，在原文中逐一核校，再把核校过的数字导出到 Excel。请先新建或打开一个项目；也可以直接导入文档，项目会建在文档旁边。</translation>
    </message>
    <message>
      <source>Open recent</source>
      <translation>最近的项目</translation>
    </message>
    <message>
      <source>Import documents…</source>
      <translation>导入文档…</translation>
    </message>
    <message>
      <source>New project…</source>
      <translation>新建项目…</translation>
    </message>
    <message>
      <source>Open project…</source>
      <translation>打开项目…</translation>
    </message>
    <message>
      <source>Open shared project…</source>
      <translation>打开共享项目…</translation>
    </message>
    <message>
      <source>For the adjudicator and the manager: a reviewer's review is blind</source>
      <translation>供裁定人和项目管理员使用：核定人之间互不可见</translation>
    </message>
    <message>
      <source>Only the project's manager adds documents to a shared project or assigns them</source>
      <translation>共享项目的文档只能由项目管理员添加和分配</translation>
    </message>
    <message>
      <source>Reviewer: %1</source>
      <translation>核定人：%1</translation>
    </message>
    <message>
      <source>reviewer</source>
      <translation>核定人</translation>
    </message>
    <message>
      <source>adjudicator</source>
      <translation>裁定人</translation>
    </message>
    <message>
      <source>manager</source>
      <translation>项目管理员</translation>
    </message>
    <message>
      <source>Reviewer: %1 (%2)</source>
      <translation>当前用户：%1（%2）</translation>
    </message>
  </context>
</TS>