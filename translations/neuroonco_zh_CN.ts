<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChartFactory</name>
    <message>
        <source>Average Information Rate per field and stage</source>
        <translation>各字段、各阶段的平均信息率</translation>
    </message>
    <message>
        <source>Audit: precision and omission per field (95% Wilson intervals)</source>
        <translation>审核：各字段的精确率与遗漏率（95% Wilson 区间）</translation>
    </message>
    <message>
        <source>Benchmark composition: questions per type</source>
        <translation>基准构成：各题型的题目数</translation>
    </message>
    <message>
        <source>Benchmark: correct answer letters (closed questions)</source>
        <translation>基准：正确答案字母分布（封闭式题目）</translation>
    </message>
    <message>
        <source>Benchmark: share of trap questions per type</source>
        <translation>基准：各题型中陷阱题的占比</translation>
    </message>
    <message>
        <source>Evaluation: accuracy per model and question type</source>
        <translation>评测：各模型、各题型的准确率</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>题目数</translation>
    </message>
    <message>
        <source>Fields filled (%)</source>
        <translation>字段填写率（%）</translation>
    </message>
    <message>
        <source>Accuracy (%)</source>
        <translation>准确率（%）</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>Run A</source>
        <translation>A 轮</translation>
    </message>
    <message>
        <source>Run B</source>
        <translation>B 轮</translation>
    </message>
    <message>
        <source>Fused</source>
        <translation>融合</translation>
    </message>
    <message>
        <source>Gold (after QC)</source>
        <translation>金标准（质控后）</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Omission rate</source>
        <translation>遗漏率</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>封闭式</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>开放式</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>答案数</translation>
    </message>
    <message>
        <source>Trap share</source>
        <translation>陷阱题占比</translation>
    </message>
    <message>
        <source>overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <source>signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>lesion</source>
        <translation>病灶</translation>
    </message>
    <message>
        <source>size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>mask shape</source>
        <translation>掩膜形态</translation>
    </message>
    <message>
        <source>spread</source>
        <translation>分布</translation>
    </message>
    <message>
        <source>mask location</source>
        <translation>掩膜位置</translation>
    </message>
    <message>
        <source>modality</source>
        <translation>模态</translation>
    </message>
    <message>
        <source>location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>shape</source>
        <translation>形态</translation>
    </message>
    <message>
        <source>margins</source>
        <translation>边缘</translation>
    </message>
    <message>
        <source>texture</source>
        <translation>质地</translation>
    </message>
    <message>
        <source>enhancement</source>
        <translation>强化</translation>
    </message>
    <message>
        <source>oedema</source>
        <translation>水肿</translation>
    </message>
    <message>
        <source>diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>No sign extraction yet: run Pipeline → Extract signs.</source>
        <translation>尚未提取征象：请运行 流水线 → 提取征象。</translation>
    </message>
    <message>
        <source>No reviewer decisions yet: audit samples in the Review tab.</source>
        <translation>尚无审核人决定：请在“审核”标签页中审核样本。</translation>
    </message>
    <message>
        <source>No benchmark yet: run Pipeline → Build benchmark.</source>
        <translation>尚无基准：请运行 流水线 → 构建基准。</translation>
    </message>
    <message>
        <source>No evaluation yet: evaluate a model on the benchmark.</source>
        <translation>尚无评测：请在基准上评测一个模型。</translation>
    </message>
    <message>
        <source>No data yet.</source>
        <translation>尚无数据。</translation>
    </message>
</context>
<context>
    <name>ConsistencyChecks</name>
    <message>
        <source>%1 says no lesion, but the mask marks %2 pixels</source>
        <translation>%1 判断无病灶，但掩膜标记了 %2 个像素</translation>
    </message>
    <message>
        <source>%1 puts the lesion in %2; the mask centroid is in %3</source>
        <translation>%1 将病灶定位于 %2；掩膜质心位于 %3</translation>
    </message>
    <message>
        <source>%1 reports %2 enhancement on a %3 series</source>
        <translation>%1 在 %3 序列上报告了 %2 强化</translation>
    </message>
    <message>
        <source>%1 reports %2 oedema on a %3 series</source>
        <translation>%1 在 %3 序列上报告了 %2 水肿</translation>
    </message>
    <message>
        <source>%1 reads %2; the source says %3</source>
        <translation>%1 读取为 %2；来源标注为 %3</translation>
    </message>
    <message>
        <source>run A</source>
        <translation>A 轮</translation>
    </message>
    <message>
        <source>run B</source>
        <translation>B 轮</translation>
    </message>
    <message>
        <source>fused</source>
        <translation>融合结果</translation>
    </message>
    <message>
        <source>gold</source>
        <translation>金标准</translation>
    </message>
</context>
<context>
    <name>Error</name>
    <message>
        <source>Nothing succeeded in %1</source>
        <translation>%1 中没有任何条目成功</translation>
    </message>
    <message>
        <source>Nothing to do for %1</source>
        <translation>%1 无事可做</translation>
    </message>
    <message>
        <source>Conflicting work in %1</source>
        <translation>%1 中存在冲突的工作</translation>
    </message>
    <message>
        <source>Cannot read or write %1</source>
        <translation>无法读取或写入 %1</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>未找到：%1</translation>
    </message>
    <message>
        <source>Invalid value for %1</source>
        <translation>%1 的值无效</translation>
    </message>
    <message>
        <source>Malformed content in %1</source>
        <translation>%1 的内容格式错误</translation>
    </message>
    <message>
        <source>Database error in %1</source>
        <translation>%1 发生数据库错误</translation>
    </message>
    <message>
        <source>%1 was created by a newer version of NeuroOnco Studio</source>
        <translation>%1 由更新版本的 NeuroOnco Studio 创建</translation>
    </message>
    <message>
        <source>Busy: %1</source>
        <translation>忙碌：%1</translation>
    </message>
    <message>
        <source>Canceled: %1</source>
        <translation>已取消：%1</translation>
    </message>
    <message>
        <source>Network error for %1</source>
        <translation>%1 网络错误</translation>
    </message>
    <message>
        <source>Unsupported: %1</source>
        <translation>不支持：%1</translation>
    </message>
    <message>
        <source>Internal error in %1</source>
        <translation>%1 内部错误</translation>
    </message>
    <message>
        <source>Not trusted: %1</source>
        <translation>未受信任：%1</translation>
    </message>
    <message>
        <source>The project database is damaged (%1)</source>
        <translation>项目数据库已损坏（%1）</translation>
    </message>
    <message>
        <source>The project is read-only: %1</source>
        <translation>项目为只读：%1</translation>
    </message>
    <message>
        <source>Too large: %1</source>
        <translation>过大：%1</translation>
    </message>
</context>
<context>
    <name>ProjectStatus</name>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>With mask</source>
        <translation>有掩膜</translation>
    </message>
    <message>
        <source>Flagged duplicates</source>
        <translation>标记为重复</translation>
    </message>
    <message>
        <source>Ingest problems</source>
        <translation>导入问题</translation>
    </message>
    <message>
        <source>With mask semantics</source>
        <translation>有掩膜语义</translation>
    </message>
    <message>
        <source>Described</source>
        <translation>已描述</translation>
    </message>
    <message>
        <source>Read by run A</source>
        <translation>A 轮已读取</translation>
    </message>
    <message>
        <source>Read by run B</source>
        <translation>B 轮已读取</translation>
    </message>
    <message>
        <source>Fused labels kept</source>
        <translation>保留的融合标签</translation>
    </message>
    <message>
        <source>Gold labels (after QC)</source>
        <translation>金标准标签（质控后）</translation>
    </message>
    <message>
        <source>Closed benchmark items</source>
        <translation>封闭式基准条目</translation>
    </message>
    <message>
        <source>Open benchmark items</source>
        <translation>开放式基准条目</translation>
    </message>
    <message>
        <source>Approved benchmark items</source>
        <translation>已批准的基准条目</translation>
    </message>
    <message>
        <source>Samples in the test split</source>
        <translation>测试集样本</translation>
    </message>
    <message>
        <source>Training instructions</source>
        <translation>训练指令</translation>
    </message>
    <message>
        <source>Evaluation runs</source>
        <translation>评测运行</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Choose a Source Manifest</source>
        <translation>选择来源清单</translation>
    </message>
    <message>
        <source>Manifests (*.json);;All files (*)</source>
        <translation>清单 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Embedded classical reader (no model)</source>
        <translation>内置经典读取器（不使用模型）</translation>
    </message>
    <message>
        <source>Who reads the slices?</source>
        <translation>由谁读取切片？</translation>
    </message>
    <message>
        <source>Reader:</source>
        <translation>读取器：</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1（位于 %2）</translation>
    </message>
    <message>
        <source>Evaluate a Model</source>
        <translation>评测模型</translation>
    </message>
    <message>
        <source>No model endpoint is configured. Add one in File → Settings (base URL, model, and the name of the environment variable that holds its API key).</source>
        <translation>尚未配置模型端点。请在 文件 → 设置 中添加一个（基础 URL、模型，以及保存其 API 密钥的环境变量名称）。</translation>
    </message>
    <message>
        <source>Image not found:
%1</source>
        <translation>未找到图像：
%1</translation>
    </message>
    <message>
        <source>Paraphrase Open Answers</source>
        <translation>改写开放式答案</translation>
    </message>
    <message>
        <source>Rewording needs a model endpoint. Add one in File → Settings (base URL, model, and the name of the environment variable that holds its API key).</source>
        <translation>改写需要模型端点。请在“文件 → 设置”中添加（基础 URL、模型，以及保存其 API 密钥的环境变量名称）。</translation>
    </message>
    <message>
        <source>The model rewords the reference answers of generated open items that nobody has curated yet. A rewrite that drops or adds a number or a key term, or invents a patient detail, is discarded.

Model endpoint:</source>
        <translation>模型将改写尚未经人工审核的生成式开放题参考答案。若改写删减或增加了数字或关键词，或编造了患者信息，则会被丢弃。

模型端点：</translation>
    </message>
</context>
<context>
    <name>ReportRenderer</name>
    <message>
        <source>Project report — %1</source>
        <translation>项目报告 — %1</translation>
    </message>
    <message>
        <source>Generated %1 by NeuroOnco Studio %2 from %3</source>
        <translation>由 NeuroOnco Studio %2 于 %1 根据 %3 生成</translation>
    </message>
    <message>
        <source>Project contents</source>
        <translation>项目内容</translation>
    </message>
    <message>
        <source>samples audited by a reviewer</source>
        <translation>经审核人审核的样本</translation>
    </message>
    <message>
        <source>Pipeline stages</source>
        <translation>流水线阶段</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Last job</source>
        <translation>最近任务</translation>
    </message>
    <message>
        <source>How the numbers are defined</source>
        <translation>数值的定义</translation>
    </message>
    <message>
        <source>Average Information Rate (AIR): over lesion-positive readings, the share in which each of the six signs (shape, margins, texture, enhancement, oedema, signal intensity) is filled; overall is the mean of the six.</source>
        <translation>平均信息率（AIR）：在病灶阳性的读取结果中，六项征象（形态、边缘、质地、强化、水肿、信号强度）各自被填写的比例；总体为六项的平均值。</translation>
    </message>
    <message>
        <source>Audit precision: correct non-null silver values / audited non-null silver values. Omission rate: values the reviewer had to add / all values that should be present. Intervals are 95% Wilson score intervals; n is the number of decisions behind each value.</source>
        <translation>审核精确率：正确的非空银标准值 / 已审核的非空银标准值。遗漏率：审核人需要补充的值 / 所有应当存在的值。区间为 95% Wilson 得分区间；n 为每个数值所依据的决定数。</translation>
    </message>
    <message>
        <source>Trap questions: the correct option was removed and the answer is &quot;None of the above&quot;.</source>
        <translation>陷阱题：正确选项已被移除，答案为“以上都不是”。</translation>
    </message>
    <message>
        <source>Readings labelled classical come from the embedded image-feature extractor, not from a language model.</source>
        <translation>标记为“经典”的读取结果来自内置的图像特征提取器，而非语言模型。</translation>
    </message>
</context>
<context>
    <name>ReviewField</name>
    <message>
        <source>Mask size</source>
        <translation>掩膜大小</translation>
    </message>
    <message>
        <source>Mask shape</source>
        <translation>掩膜形态</translation>
    </message>
    <message>
        <source>Mask spread</source>
        <translation>掩膜分布</translation>
    </message>
    <message>
        <source>Mask location</source>
        <translation>掩膜位置</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>模态</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Lesion found</source>
        <translation>发现病灶</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形态</translation>
    </message>
    <message>
        <source>Margins</source>
        <translation>边缘</translation>
    </message>
    <message>
        <source>Texture</source>
        <translation>质地</translation>
    </message>
    <message>
        <source>Enhancement</source>
        <translation>强化</translation>
    </message>
    <message>
        <source>Oedema</source>
        <translation>水肿</translation>
    </message>
    <message>
        <source>Signal intensity</source>
        <translation>信号强度</translation>
    </message>
</context>
<context>
    <name>ReviewerName</name>
    <message>
        <source>Reviewer Name</source>
        <translation>审核人姓名</translation>
    </message>
    <message>
        <source>Your name is stored with every review decision you make:</source>
        <translation>您的姓名将随您做出的每个审核决定一起保存：</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>Ingest and standardise</source>
        <translation>导入与标准化</translation>
    </message>
    <message>
        <source>Read the sources of a manifest into canonical 8-bit slices and masks</source>
        <translation>将清单中的来源读取为规范的 8 位切片和掩膜</translation>
    </message>
    <message>
        <source>Deduplicate</source>
        <translation>去重</translation>
    </message>
    <message>
        <source>Find exact and near-duplicate slices across sources and flag them</source>
        <translation>在各来源之间查找完全重复和近似重复的切片并加以标记</translation>
    </message>
    <message>
        <source>Mask semantics</source>
        <translation>掩膜语义</translation>
    </message>
    <message>
        <source>Size, shape, spread and location of every lesion mask, with the numbers behind them</source>
        <translation>每个病灶掩膜的大小、形态、分布和位置，以及其依据的数值</translation>
    </message>
    <message>
        <source>Describe</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Rule-based coarse description of every sample</source>
        <translation>基于规则的每个样本的粗略描述</translation>
    </message>
    <message>
        <source>Extract signs, run A</source>
        <translation>提取征象（A 轮）</translation>
    </message>
    <message>
        <source>The conservative reading of every slice (model endpoint or classical extractor)</source>
        <translation>对每张切片的保守读取（模型端点或经典提取器）</translation>
    </message>
    <message>
        <source>Extract signs, run B</source>
        <translation>提取征象（B 轮）</translation>
    </message>
    <message>
        <source>The skeptical second reading of every slice</source>
        <translation>对每张切片的审慎第二次读取</translation>
    </message>
    <message>
        <source>Fuse readings</source>
        <translation>融合读取结果</translation>
    </message>
    <message>
        <source>Cross-validate run A and run B into one label per slice</source>
        <translation>交叉验证 A 轮与 B 轮，为每张切片生成一个标签</translation>
    </message>
    <message>
        <source>Model audit (QC)</source>
        <translation>模型审核（质控）</translation>
    </message>
    <message>
        <source>A third reader keeps, erases or downgrades each fused field: the gold label</source>
        <translation>由第三位读取者保留、清除或降级每个融合字段，得到金标准标签</translation>
    </message>
    <message>
        <source>Benchmark</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>Closed and open benchmark items from the gold labels, with traps and balanced answer letters</source>
        <translation>根据金标准标签生成封闭式和开放式基准条目，包含陷阱题并平衡答案字母</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>指令数据</translation>
    </message>
    <message>
        <source>About eight chat-format training samples per training slice (open, closed, closed with reasoning)</source>
        <translation>每张训练切片约生成八条对话格式的训练样本（开放式、封闭式、带推理的封闭式）</translation>
    </message>
    <message>
        <source>Evaluate a model</source>
        <translation>评测模型</translation>
    </message>
    <message>
        <source>Ask a model endpoint every benchmark question with its image, and score the answers</source>
        <translation>将每道基准题目连同图像发送给模型端点，并为回答评分</translation>
    </message>
    <message>
        <source>Paraphrase open answers</source>
        <translation>改写开放式答案</translation>
    </message>
    <message>
        <source>A model endpoint rewords the rule-built reference answers; numbers and key terms are checked</source>
        <translation>由模型端点改写基于规则生成的参考答案；会核对数字和关键词</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>NeuroOnco Studio desktop application</source>
        <translation>NeuroOnco Studio 桌面应用程序</translation>
    </message>
    <message>
        <source>Project folder to open.</source>
        <translation>要打开的项目文件夹。</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE after DELAY ms and quit (for checks).</source>
        <translation>在 DELAY 毫秒后将窗口截图保存到 FILE 并退出（用于检查）。</translation>
    </message>
    <message>
        <source>Delay before --screenshot, in ms.</source>
        <translation>--screenshot 之前的延迟，单位为毫秒。</translation>
    </message>
    <message>
        <source>Open the review at this sample_id.</source>
        <translation>在此 sample_id 处打开审核。</translation>
    </message>
    <message>
        <source>No sample %1 in this project.</source>
        <translation>此项目中没有样本 %1。</translation>
    </message>
    <message>
        <source>No tab named %1.</source>
        <translation>没有名为 %1 的标签页。</translation>
    </message>
    <message>
        <source>Open on this tab: overview, review, benchmark, evaluations, dashboard, duplicates or ingest.</source>
        <translation>打开时显示此标签页：overview、review、benchmark、evaluations、dashboard、duplicates 或 ingest。</translation>
    </message>
    <message>
        <source>Show the interface in LANG for this run (en or zh_CN); the setting in Preferences is kept.</source>
        <translation>本次运行以 LANG 显示界面（en 或 zh_CN）；首选项中的设置保持不变。</translation>
    </message>
    <message>
        <source>Open PROJECT for reading only: nothing in it is written.</source>
        <translation>以只读方式打开 PROJECT：不会写入其中任何内容。</translation>
    </message>
    <message>
        <source>--screenshot-delay needs a number of milliseconds.</source>
        <translation>--screenshot-delay 需要一个毫秒数。</translation>
    </message>
</context>
<context>
    <name>neuroonco::AttributePanel</name>
    <message>
        <source>&lt;small&gt;&lt;b&gt;A&lt;/b&gt; accept · &lt;b&gt;R&lt;/b&gt; reject · &lt;b&gt;1–9&lt;/b&gt; pick a value · &lt;b&gt;Space&lt;/b&gt; list values · &lt;b&gt;Enter&lt;/b&gt; accept the rest and go to the next sample · &lt;b&gt;Ctrl+Z&lt;/b&gt; undo&lt;/small&gt;</source>
        <translation>&lt;small&gt;&lt;b&gt;A&lt;/b&gt; 接受 · &lt;b&gt;R&lt;/b&gt; 拒绝 · &lt;b&gt;1–9&lt;/b&gt; 选择取值 · &lt;b&gt;Space&lt;/b&gt; 列出取值 · &lt;b&gt;Enter&lt;/b&gt; 接受其余字段并转到下一个样本 · &lt;b&gt;Ctrl+Z&lt;/b&gt; 撤销&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Comment on this sample, then Enter</source>
        <translation>对此样本添加评论，然后按 Enter</translation>
    </message>
</context>
<context>
    <name>neuroonco::AttributeTableModel</name>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>已补充</translation>
    </message>
    <message>
        <source>Commented</source>
        <translation>已评论</translation>
    </message>
    <message>
        <source>Retracted</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Healthy (no lesion)</source>
        <translation>健康（无病灶）</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>舍弃</translation>
    </message>
    <message>
        <source>Erased</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Downgraded</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>✗ none</source>
        <translation>✗ 无</translation>
    </message>
    <message>
        <source>From the mask by the published rules: area %1 %, circularity %2, elongation %3, %4 component(s), centroid (%5, %6)</source>
        <translation>按已发表的规则由掩膜得出：面积 %1 %，圆度 %2，伸长率 %3，%4 个连通域，质心 (%5, %6)</translation>
    </message>
    <message>
        <source>Not read yet</source>
        <translation>尚未读取</translation>
    </message>
    <message>
        <source>Reading failed: %1</source>
        <translation>读取失败：%1</translation>
    </message>
    <message>
        <source>%1 · %2 · prompt %3 · %4 ms</source>
        <translation>%1 · %2 · 提示词 %3 · %4 毫秒</translation>
    </message>
    <message>
        <source>Not fused yet</source>
        <translation>尚未融合</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>A: %1, B: %2 → %3 (%4)</source>
        <translation>A：%1，B：%2 → %3（%4）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Both runs agreed</source>
        <translation>两轮读取一致</translation>
    </message>
    <message>
        <source>Not audited by a model yet</source>
        <translation>尚未经模型审核</translation>
    </message>
    <message>
        <source>Audit failed: %1</source>
        <translation>审核失败：%1</translation>
    </message>
    <message>
        <source>%1 by %2: %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <source>No action by %1</source>
        <translation>%1 未作处理</translation>
    </message>
    <message>
        <source>%1 by %2 on %3</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Mask rule</source>
        <translation>掩膜规则</translation>
    </message>
    <message>
        <source>Run A</source>
        <translation>A 轮</translation>
    </message>
    <message>
        <source>Run B</source>
        <translation>B 轮</translation>
    </message>
    <message>
        <source>Fused</source>
        <translation>融合</translation>
    </message>
    <message>
        <source>QC</source>
        <translation>质控</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
</context>
<context>
    <name>neuroonco::BenchmarkController</name>
    <message>
        <source>No project is open.</source>
        <translation>未打开项目。</translation>
    </message>
    <message>
        <source>Benchmark</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>&amp;Curate Items</source>
        <translation>整理条目(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Build Benchmark</source>
        <translation>构建基准(&amp;B)</translation>
    </message>
    <message>
        <source>Build &amp;Instructions</source>
        <translation>构建指令数据(&amp;I)</translation>
    </message>
    <message>
        <source>Make Test/Train &amp;Split…</source>
        <translation>划分测试集/训练集(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Lint and Check Staleness</source>
        <translation>规范检查并检查过期(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Import Benchmark File…</source>
        <translation>导入基准文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Export &amp;Closed Benchmark…</source>
        <translation>导出封闭式基准(&amp;C)…</translation>
    </message>
    <message>
        <source>Export &amp;Open Benchmark…</source>
        <translation>导出开放式基准(&amp;O)…</translation>
    </message>
    <message>
        <source>No benchmark items yet. Build them with Benchmark → Build Benchmark (after semantics, and richer after fusion and QC), or import a published benchmark file.</source>
        <translation>尚无基准条目。请通过 基准 → 构建基准 生成（需先完成掩膜语义；完成融合和质控后内容更丰富），或导入已发布的基准文件。</translation>
    </message>
    <message>
        <source>Export Benchmark</source>
        <translation>导出基准</translation>
    </message>
    <message>
        <source>Benchmark JSON (*.json)</source>
        <translation>基准 JSON (*.json)</translation>
    </message>
    <message>
        <source>Export only the approved items? (No exports pending and stale items too; rejected items are never exported.)</source>
        <translation>仅导出已批准的条目？（选择“否”将同时导出待审和过期条目；已拒绝的条目永不导出。）</translation>
    </message>
    <message>
        <source>The benchmark was not exported</source>
        <translation>基准未导出</translation>
    </message>
    <message>
        <source>Import Benchmark File</source>
        <translation>导入基准文件</translation>
    </message>
    <message>
        <source>Closed (vqa_pairs, multiple choice)</source>
        <translation>封闭式（vqa_pairs，多项选择）</translation>
    </message>
    <message>
        <source>Open (qa_pairs)</source>
        <translation>开放式（qa_pairs）</translation>
    </message>
    <message>
        <source>The file holds:</source>
        <translation>文件内容：</translation>
    </message>
    <message>
        <source>The file was not imported</source>
        <translation>文件未导入</translation>
    </message>
    <message>
        <source>%1 questions from %2 records: %3 added as pending items, %4 updated, %5 already in the project (unchanged), %6 refused because they differ from curated or generated items; %7 linked to samples of this project.</source>
        <translation>来自 %2 条记录的 %1 道题目：%3 道新增为待审条目，%4 道已更新，%5 道已在项目中（未改变），%6 道因与已整理或已生成的条目不同而被拒绝；%7 道关联到本项目的样本。</translation>
    </message>
    <message>
        <source>Make Test/Train Split</source>
        <translation>划分测试集/训练集</translation>
    </message>
    <message>
        <source>Share of samples in the test split (%). Patients, volumes and near-duplicate clusters always stay on one side:</source>
        <translation>测试集中样本的比例（%）。同一患者、同一容积和近似重复簇始终划分在同一侧：</translation>
    </message>
    <message>
        <source>The split was not made</source>
        <translation>未完成划分</translation>
    </message>
    <message>
        <source>&amp;Paraphrase Open Answers…</source>
        <translation>改写开放式答案(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>neuroonco::BenchmarkItemModel</name>
    <message>
        <source>A reviewer changed an attribute this item was built from: check it again</source>
        <translation>审核人更改了构建此条目所依据的属性：请重新检查</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>封闭式</translation>
    </message>
    <message>
        <source>open</source>
        <translation>开放式</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待审</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>trap</source>
        <translation>陷阱题</translation>
    </message>
    <message>
        <source>#</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>题型</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Trap</source>
        <translation>陷阱题</translation>
    </message>
    <message>
        <source>Ans.</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <source>Lint</source>
        <translation>检查</translation>
    </message>
</context>
<context>
    <name>neuroonco::BenchmarkItemView</name>
    <message>
        <source>approved</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <source>rebuilt from gold</source>
        <translation>已根据金标准重建</translation>
    </message>
    <message>
        <source>marked stale</source>
        <translation>标记为过期</translation>
    </message>
    <message>
        <source>Build the benchmark (Benchmark → Build Benchmark), then pick an item.</source>
        <translation>请先构建基准（基准 → 构建基准），然后选择一个条目。</translation>
    </message>
    <message>
        <source>Approve (A)</source>
        <translation>批准 (A)</translation>
    </message>
    <message>
        <source>Reject (R)</source>
        <translation>拒绝 (R)</translation>
    </message>
    <message>
        <source>Edit… (E)</source>
        <translation>编辑… (E)</translation>
    </message>
    <message>
        <source>Rebuild from gold (G)</source>
        <translation>根据金标准重建 (G)</translation>
    </message>
    <message>
        <source>Build the question again from the current gold values, keeping its answer letter and trap flag</source>
        <translation>根据当前金标准值重新构建该题目，保留其答案字母和陷阱题标记</translation>
    </message>
    <message>
        <source>Note for the history (optional), e.g. why the item is rejected</source>
        <translation>历史记录备注（可选），例如拒绝该条目的原因</translation>
    </message>
    <message>
        <source>Trap question.</source>
        <translation>陷阱题。</translation>
    </message>
    <message>
        <source>The correct option (%1) was removed, so the answer is &quot;None of the above&quot;.</source>
        <translation>正确选项（%1）已被移除，因此答案为“以上都不是”。</translation>
    </message>
    <message>
        <source>Reference answer:</source>
        <translation>参考答案：</translation>
    </message>
    <message>
        <source>Keywords:</source>
        <translation>关键词：</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待审</translation>
    </message>
    <message>
        <source>stale: a reviewer changed an attribute it was built from</source>
        <translation>已过期：审核人更改了构建它所依据的属性</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>封闭式</translation>
    </message>
    <message>
        <source>open</source>
        <translation>开放式</translation>
    </message>
    <message>
        <source>Lint warnings</source>
        <translation>规范检查警告</translation>
    </message>
    <message>
        <source>Built from</source>
        <translation>构建依据</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
</context>
<context>
    <name>neuroonco::BenchmarkListPanel</name>
    <message>
        <source>%1 items · %2 approved · %3 pending · %4 stale · %5 rejected · showing %6</source>
        <translation>%1 个条目 · %2 个已批准 · %3 个待审 · %4 个已过期 · %5 个已拒绝 · 显示 %6 个</translation>
    </message>
    <message>
        <source>Closed and open</source>
        <translation>封闭式和开放式</translation>
    </message>
    <message>
        <source>Closed (multiple choice)</source>
        <translation>封闭式（多项选择）</translation>
    </message>
    <message>
        <source>Open questions</source>
        <translation>开放式题目</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待审</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需要关注</translation>
    </message>
    <message>
        <source>Any question type</source>
        <translation>任意题型</translation>
    </message>
    <message>
        <source>Only with lint warnings</source>
        <translation>仅显示有检查警告的</translation>
    </message>
    <message>
        <source>Search image or item number</source>
        <translation>搜索图像或条目编号</translation>
    </message>
</context>
<context>
    <name>neuroonco::ContextController</name>
    <message>
        <source>Select a sample to see its volume.</source>
        <translation>选择一个样本以查看其容积。</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>未打开项目。</translation>
    </message>
    <message>
        <source>%1 is a 2D image: it was not cut from a volume, so there is no 3D context to show.</source>
        <translation>%1 是二维图像：它并非从容积中切取，因此没有可显示的三维上下文。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Cannot show the volume: %1</source>
        <translation>无法显示容积：%1</translation>
    </message>
</context>
<context>
    <name>neuroonco::DashboardController</name>
    <message>
        <source>Open a project to see its figures.</source>
        <translation>打开项目以查看其图表。</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>Cannot collect the figures: %1</source>
        <translation>无法收集图表数据：%1</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>PDF document (*.pdf);;Web page (*.html)</source>
        <translation>PDF 文档 (*.pdf);;网页 (*.html)</translation>
    </message>
    <message>
        <source>The report was not written</source>
        <translation>报告未写入</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>The chart was not written</source>
        <translation>图表未写入</translation>
    </message>
</context>
<context>
    <name>neuroonco::DashboardView</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Open a project to see its figures.</source>
        <translation>打开项目以查看其图表。</translation>
    </message>
    <message>
        <source>%1 · %2 samples · %3 audited by a reviewer · updated %4</source>
        <translation>%1 · %2 个样本 · %3 个经审核人审核 · 更新于 %4</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>As PNG image…</source>
        <translation>导出为 PNG 图像…</translation>
    </message>
    <message>
        <source>As SVG drawing…</source>
        <translation>导出为 SVG 矢量图…</translation>
    </message>
</context>
<context>
    <name>neuroonco::DuplicateClusterView</name>
    <message>
        <source>Select a cluster to compare its members.</source>
        <translation>选择一个重复簇以比较其成员。</translation>
    </message>
    <message>
        <source>No duplicates found (or de-duplication has not run yet).</source>
        <translation>未发现重复项（或尚未运行去重）。</translation>
    </message>
    <message>
        <source>%1 · %2 slices · %3</source>
        <translation>%1 · %2 张切片 · %3</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>完全重复</translation>
    </message>
    <message>
        <source>near</source>
        <translation>近似重复</translation>
    </message>
    <message>
        <source>exact duplicate (pHash distance %1)</source>
        <translation>完全重复（pHash 距离 %1）</translation>
    </message>
    <message>
        <source>near duplicate (pHash distance %1)</source>
        <translation>近似重复（pHash 距离 %1）</translation>
    </message>
    <message>
        <source>&lt;b&gt;kept&lt;/b&gt;</source>
        <translation>&lt;b&gt;保留&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;source %2 · %3 · %4×%5 · %6&lt;br&gt;%7</source>
        <translation>%1&lt;br&gt;来源 %2 · %3 · %4×%5 · %6&lt;br&gt;%7</translation>
    </message>
    <message>
        <source>mask</source>
        <translation>有掩膜</translation>
    </message>
    <message>
        <source>no mask</source>
        <translation>无掩膜</translation>
    </message>
    <message numerus="yes">
        <source>Cluster of %n slice(s); the kept one comes first.</source>
        <translation>
            <numerusform>重复簇共 %n 张切片；保留的切片排在最前。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>neuroonco::EvalQuestionModel</name>
    <message>
        <source>trap</source>
        <translation>陷阱题</translation>
    </message>
    <message>
        <source>right</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>request failed</source>
        <translation>请求失败</translation>
    </message>
    <message>
        <source>ROUGE-L %1</source>
        <translation>ROUGE-L %1</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>题型</translation>
    </message>
    <message>
        <source>Trap</source>
        <translation>陷阱题</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>正确答案</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>模型答案</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
</context>
<context>
    <name>neuroonco::EvalRunModel</name>
    <message>
        <source>%1 run, created %2%3</source>
        <translation>%1 运行，创建于 %2%3</translation>
    </message>
    <message>
        <source>, not finished</source>
        <translation>，未完成</translation>
    </message>
    <message>
        <source>Brackets: 95% bootstrap interval over questions</source>
        <translation>方括号：按题目自助法（bootstrap）计算的 95% 置信区间</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>封闭式</translation>
    </message>
    <message>
        <source>open</source>
        <translation>开放式</translation>
    </message>
    <message>
        <source>, circular</source>
        <translation>，循环评测</translation>
    </message>
    <message>
        <source>, imported</source>
        <translation>，导入</translation>
    </message>
    <message>
        <source>%1 (+%2 pending)</source>
        <translation>%1（另有 %2 待定）</translation>
    </message>
    <message>
        <source>Accuracy on trap questions: the correct option was removed, the answer is &quot;None of the above&quot;</source>
        <translation>陷阱题准确率：正确选项已被移除，答案为“以上都不是”</translation>
    </message>
    <message>
        <source>Share of trap questions answered &quot;None of the above&quot;</source>
        <translation>陷阱题中回答“以上都不是”的比例</translation>
    </message>
    <message>
        <source>Share of answerable questions answered &quot;None of the above&quot;</source>
        <translation>可作答题目中回答“以上都不是”的比例</translation>
    </message>
    <message>
        <source>Replies that name no single option (refusals, several letters, no answer)</source>
        <translation>未给出唯一选项的回复（拒答、多个字母、无答案）</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Benchmark</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>题目数</translation>
    </message>
    <message>
        <source>Accuracy [95% CI]</source>
        <translation>准确率 [95% CI]</translation>
    </message>
    <message>
        <source>Traps</source>
        <translation>陷阱题</translation>
    </message>
    <message>
        <source>Non-traps</source>
        <translation>非陷阱题</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>Correct rejection</source>
        <translation>正确拒答</translation>
    </message>
    <message>
        <source>False rejection</source>
        <translation>错误拒答</translation>
    </message>
    <message>
        <source>Keyword recall</source>
        <translation>关键词召回率</translation>
    </message>
    <message>
        <source>BLEU-4</source>
        <translation>BLEU-4</translation>
    </message>
    <message>
        <source>ROUGE-L</source>
        <translation>ROUGE-L</translation>
    </message>
</context>
<context>
    <name>neuroonco::EvaluateDialog</name>
    <message>
        <source>Circular: ask every rotation of the options; right only if right in all</source>
        <translation>循环评测：询问选项的每一种轮换；全部答对才算正确</translation>
    </message>
    <message>
        <source>Also pending and stale items (rejected ones never)</source>
        <translation>同时包括待审和过期条目（已拒绝的从不包括）</translation>
    </message>
    <message>
        <source>Evaluate a Model</source>
        <translation>评测模型</translation>
    </message>
    <message>
        <source>No judge</source>
        <translation>不使用评判模型</translation>
    </message>
    <message>
        <source>Closed questions (answer letter)</source>
        <translation>封闭式题目（回答字母）</translation>
    </message>
    <message>
        <source>Open questions (free text)</source>
        <translation>开放式题目（自由文本）</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>全部条目</translation>
    </message>
    <message>
        <source>Test split only</source>
        <translation>仅测试集</translation>
    </message>
    <message>
        <source>Training split only</source>
        <translation>仅训练集</translation>
    </message>
    <message>
        <source>Model endpoint:</source>
        <translation>模型端点：</translation>
    </message>
    <message>
        <source>Questions:</source>
        <translation>题目：</translation>
    </message>
    <message>
        <source>Items:</source>
        <translation>条目：</translation>
    </message>
    <message>
        <source>Judge for open answers:</source>
        <translation>开放式答案评判模型：</translation>
    </message>
    <message>
        <source>Run name:</source>
        <translation>运行名称：</translation>
    </message>
    <message>
        <source>A run with the same name continues where it stopped; questions already answered are not asked again.</source>
        <translation>同名运行会从中断处继续；已回答的题目不会再次提问。</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评测</translation>
    </message>
</context>
<context>
    <name>neuroonco::EvaluationController</name>
    <message>
        <source>Evaluations</source>
        <translation>评测</translation>
    </message>
    <message>
        <source>E&amp;valuations</source>
        <translation>评测结果(&amp;V)</translation>
    </message>
    <message>
        <source>Evaluate a &amp;Model…</source>
        <translation>评测模型(&amp;M)…</translation>
    </message>
    <message>
        <source>Import &amp;Predictions…</source>
        <translation>导入预测(&amp;P)…</translation>
    </message>
    <message>
        <source>Cannot read the evaluations: %1</source>
        <translation>无法读取评测：%1</translation>
    </message>
    <message>
        <source>Import Predictions</source>
        <translation>导入预测</translation>
    </message>
    <message>
        <source>Predictions (*.jsonl *.json);;All files (*)</source>
        <translation>预测文件 (*.jsonl *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Name of the run:</source>
        <translation>运行名称：</translation>
    </message>
    <message>
        <source>The predictions were not imported</source>
        <translation>预测未导入</translation>
    </message>
    <message>
        <source>%1 lines: %2 matched to benchmark items, %3 kept as external questions, %4 refused (repeating an earlier line&apos;s id and q_index), %5 trap flags corrected from the items, %6 unreadable answers (counted as invalid).</source>
        <translation>%1 行：%2 行匹配到基准条目，%3 行保留为外部题目，%4 行被拒绝（重复了前面某行的 id 和 q_index），%5 个陷阱标记按条目更正，%6 个无法读取的答案（计为无效）。</translation>
    </message>
    <message>
        <source>Export Predictions</source>
        <translation>导出预测</translation>
    </message>
    <message>
        <source>Predictions (*.jsonl)</source>
        <translation>预测文件 (*.jsonl)</translation>
    </message>
    <message>
        <source>The predictions were not exported</source>
        <translation>预测未导出</translation>
    </message>
</context>
<context>
    <name>neuroonco::EvaluationView</name>
    <message>
        <source>No evaluation yet.</source>
        <translation>尚无评测。</translation>
    </message>
    <message>
        <source>Evaluate a Model…</source>
        <translation>评测模型…</translation>
    </message>
    <message>
        <source>Ask a configured model endpoint every approved benchmark question with its image</source>
        <translation>向已配置的模型端点提问每一道已批准的基准题目及其图像</translation>
    </message>
    <message>
        <source>Import Predictions…</source>
        <translation>导入预测…</translation>
    </message>
    <message>
        <source>Predictions of an outside run, one JSON line per question (id, q_index, pred, …)</source>
        <translation>外部运行的预测，每题一行 JSON（id、q_index、pred 等）</translation>
    </message>
    <message>
        <source>Export Predictions…</source>
        <translation>导出预测…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>All questions</source>
        <translation>全部题目</translation>
    </message>
    <message>
        <source>Wrong answers</source>
        <translation>错误答案</translation>
    </message>
    <message>
        <source>Invalid answers and failed requests</source>
        <translation>无效答案和失败请求</translation>
    </message>
    <message>
        <source>Trap questions</source>
        <translation>陷阱题</translation>
    </message>
    <message>
        <source>No evaluation yet. Configure a model endpoint in Settings, then Evaluate a Model; or import the predictions of an outside run.</source>
        <translation>尚无评测。请在设置中配置模型端点，然后评测模型；或导入外部运行的预测。</translation>
    </message>
    <message numerus="yes">
        <source>%n evaluation run(s). Brackets are 95% bootstrap intervals over questions.</source>
        <translation>
            <numerusform>%n 次评测运行。方括号为按题目自助法计算的 95% 置信区间。</numerusform>
        </translation>
    </message>
    <message>
        <source>No questions in this view.</source>
        <translation>此视图中没有题目。</translation>
    </message>
    <message>
        <source>trap</source>
        <translation>陷阱题</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>The reply names no single option: counted as invalid, never guessed.</source>
        <translation>回复未给出唯一选项：计为无效，不做猜测。</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>参考答案：</translation>
    </message>
    <message>
        <source>Keywords:</source>
        <translation>关键词：</translation>
    </message>
    <message>
        <source>keyword recall %1</source>
        <translation>关键词召回率 %1</translation>
    </message>
    <message>
        <source>BLEU-4 %1</source>
        <translation>BLEU-4 %1</translation>
    </message>
    <message>
        <source>ROUGE-L %1</source>
        <translation>ROUGE-L %1</translation>
    </message>
    <message>
        <source>judge %1</source>
        <translation>评判得分 %1</translation>
    </message>
    <message>
        <source>Request failed:</source>
        <translation>请求失败：</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Rotations (circular evaluation)</source>
        <translation>轮换（循环评测）</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>轮换</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>无效</translation>
    </message>
</context>
<context>
    <name>neuroonco::IngestIssuesView</name>
    <message>
        <source>All problems</source>
        <translation>全部问题</translation>
    </message>
    <message>
        <source>Errors (file skipped)</source>
        <translation>错误（文件已跳过）</translation>
    </message>
    <message>
        <source>Warnings (file kept)</source>
        <translation>警告（文件已保留）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
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
        <source>%1 shown of %2</source>
        <translation>显示 %1 / 共 %2</translation>
    </message>
</context>
<context>
    <name>neuroonco::ItemEditDialog</name>
    <message>
        <source>Edit Item #%1</source>
        <translation>编辑条目 #%1</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>题目：</translation>
    </message>
    <message>
        <source>Option %1:</source>
        <translation>选项 %1：</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>答案：</translation>
    </message>
    <message>
        <source>Trap: the correct option was removed; the answer is &quot;None of the above&quot;</source>
        <translation>陷阱题：正确选项已被移除，答案为“以上都不是”</translation>
    </message>
    <message>
        <source>Removed correct option:</source>
        <translation>被移除的正确选项：</translation>
    </message>
    <message>
        <source>Reference answer:</source>
        <translation>参考答案：</translation>
    </message>
    <message>
        <source>Keywords (comma-separated):</source>
        <translation>关键词（以逗号分隔）：</translation>
    </message>
</context>
<context>
    <name>neuroonco::JobListModel</name>
    <message numerus="yes">
        <source>succeeded with %n error(s)</source>
        <translation>
            <numerusform>已成功，%n 个错误</numerusform>
        </translation>
    </message>
    <message>
        <source>First failures: %1</source>
        <translation>最先的失败：%1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>已成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>已失败</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>速率</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
</context>
<context>
    <name>neuroonco::JobsController</name>
    <message>
        <source>Items: %1 succeeded, %2 failed, %3 skipped, %4 already done</source>
        <translation>条目：%1 个成功，%2 个失败，%3 个跳过，%4 个此前已完成</translation>
    </message>
    <message>
        <source>First failures: %1</source>
        <translation>最先的失败：%1</translation>
    </message>
    <message>
        <source>Job %1 — %2</source>
        <translation>任务 %1 — %2</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>开始：%1</translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation>结束：%1</translation>
    </message>
    <message>
        <source>Resumes job %1</source>
        <translation>续接任务 %1</translation>
    </message>
    <message>
        <source>Parameters: %1</source>
        <translation>参数：%1</translation>
    </message>
    <message>
        <source>Summary: %1</source>
        <translation>摘要：%1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
</context>
<context>
    <name>neuroonco::JobsPanel</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the selected job after the current batch; finished items are kept.</source>
        <translation>在当前批次完成后停止所选任务；已完成的项目会保留。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Run the selected stage again; items finished earlier are not redone.</source>
        <translation>再次运行所选阶段；之前已完成的项目不会重做。</translation>
    </message>
    <message>
        <source>Details and log</source>
        <translation>详情与日志</translation>
    </message>
</context>
<context>
    <name>neuroonco::MainWindow</name>
    <message>
        <source>Cannot start the job</source>
        <translation>无法启动任务</translation>
    </message>
    <message>
        <source>%1 — NeuroOnco Studio</source>
        <translation>%1 — NeuroOnco Studio</translation>
    </message>
    <message>
        <source>NeuroOnco Studio</source>
        <translation>NeuroOnco Studio</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Close Project</source>
        <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Pipeline</source>
        <translation>流水线(&amp;P)</translation>
    </message>
    <message>
        <source>Run &amp;All Stages</source>
        <translation>运行全部阶段(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Resume Interrupted Jobs</source>
        <translation>继续已中断的任务(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <source>Reviewer &amp;Name…</source>
        <translation>审核人姓名(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Benchmark</source>
        <translation>基准(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>&amp;Jobs Panel</source>
        <translation>任务面板(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About NeuroOnco Studio</source>
        <translation>关于 NeuroOnco Studio(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) running</source>
        <translation>
            <numerusform>%n 个任务正在运行</numerusform>
        </translation>
    </message>
    <message>
        <source>No jobs running</source>
        <translation>没有正在运行的任务</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>未打开项目</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>New Project Folder</source>
        <translation>新建项目文件夹</translation>
    </message>
    <message>
        <source>Cannot create the project</source>
        <translation>无法创建项目</translation>
    </message>
    <message>
        <source>Open Project Folder</source>
        <translation>打开项目文件夹</translation>
    </message>
    <message>
        <source>Cannot start %1</source>
        <translation>无法启动“%1”</translation>
    </message>
    <message>
        <source>Some jobs could not be resumed</source>
        <translation>部分任务无法继续</translation>
    </message>
    <message>
        <source>No interrupted jobs to resume.</source>
        <translation>没有可继续的已中断任务。</translation>
    </message>
    <message>
        <source>About NeuroOnco Studio</source>
        <translation>关于 NeuroOnco Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;NeuroOnco Studio %1&lt;/h3&gt;&lt;p&gt;Builds audited, multimodal brain-tumour MRI datasets and rejection-aware benchmarks from public collections, and gives radiologists and curators a fast tool to review them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;NeuroOnco Studio %1&lt;/h3&gt;&lt;p&gt;基于公开数据集构建经过审核的多模态脑肿瘤 MRI 数据集和具备拒答意识的基准，并为放射科医师和整理人员提供快速的审核工具。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Jobs are running</source>
        <translation>有任务正在运行</translation>
    </message>
    <message>
        <source>Stop the running jobs and quit? Finished items are kept; the jobs can be resumed later.</source>
        <translation>停止正在运行的任务并退出？已完成的项目会保留，任务之后可以继续。</translation>
    </message>
    <message>
        <source>The benchmark item was not changed</source>
        <translation>基准条目未更改</translation>
    </message>
    <message>
        <source>The decision was not saved</source>
        <translation>决定未保存</translation>
    </message>
    <message>
        <source>&amp;Export Report…</source>
        <translation>导出报告(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>3D Context</source>
        <translation>三维上下文</translation>
    </message>
    <message>
        <source>&amp;3D Context</source>
        <translation>三维上下文(&amp;3)</translation>
    </message>
    <message>
        <source>&amp;Slice</source>
        <translation>切片(&amp;S)</translation>
    </message>
    <message>
        <source>%1 samples (%2 with mask)</source>
        <translation>%1 个样本（%2 个有掩膜）</translation>
    </message>
    <message>
        <source>%1 flagged duplicates</source>
        <translation>%1 个标记为重复</translation>
    </message>
    <message>
        <source>%1 ingest problems</source>
        <translation>%1 个导入问题</translation>
    </message>
    <message>
        <source>%1 sources</source>
        <translation>%1 个来源</translation>
    </message>
    <message>
        <source>%1. Close the project and run &apos;neuroonco status&apos; on it: it checks the database and says how to restore a backup.</source>
        <translation>%1。请关闭项目并对其运行 &apos;neuroonco status&apos;：它会检查数据库，并说明如何恢复备份。</translation>
    </message>
    <message>
        <source>Database damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>A read failed</source>
        <translation>读取失败</translation>
    </message>
    <message>
        <source>Open Project &amp;Read-Only…</source>
        <translation>以只读方式打开项目(&amp;R)…</translation>
    </message>
    <message>
        <source>Open a project for reading only: nothing in it is written.</source>
        <translation>以只读方式打开项目：不会写入其中任何内容。</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>%1 (read-only) — NeuroOnco Studio</source>
        <translation>%1（只读）— NeuroOnco Studio</translation>
    </message>
    <message>
        <source>Open Project Folder Read-Only</source>
        <translation>以只读方式打开项目文件夹</translation>
    </message>
</context>
<context>
    <name>neuroonco::ProjectOverview</name>
    <message numerus="yes">
        <source>succeeded with %n error(s)</source>
        <translation>
            <numerusform>已成功，%n 个错误</numerusform>
        </translation>
    </message>
    <message>
        <source>never run</source>
        <translation>从未运行</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>已成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>已失败</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>NeuroOnco Studio</source>
        <translation>NeuroOnco Studio</translation>
    </message>
    <message>
        <source>Build audited brain-tumour MRI datasets and benchmarks: ingest public collections, derive mask attributes, extract and cross-check radiological signs, review them slice by slice, and publish a rejection-aware benchmark. Create a project or open one to begin.</source>
        <translation>构建经过审核的脑肿瘤 MRI 数据集和基准：导入公开数据集，推导掩膜属性，提取并交叉核对影像征象，逐张切片进行审核，并发布具备拒答意识的基准。新建或打开一个项目即可开始。</translation>
    </message>
    <message>
        <source>New Project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <source>Open Project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Finished items</source>
        <translation>已完成项目</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Latest job</source>
        <translation>最近任务</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>文件夹：%1</translation>
    </message>
    <message>
        <source>Schema version: %1</source>
        <translation>数据库架构版本：%1</translation>
    </message>
    <message>
        <source>Double-click to run this stage</source>
        <translation>双击运行此阶段</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>neuroonco::ProjectSession</name>
    <message>
        <source>The project was opened read-only: nothing in it can be changed. Open it again with File → Open Project… to work on it.</source>
        <translation>项目以只读方式打开：其中任何内容都不能更改。如需修改，请通过“文件 → 打开项目…”重新打开。</translation>
    </message>
    <message>
        <source>You cannot write this project&apos;s folder or database, so it is open read-only: nothing in it can be changed.</source>
        <translation>您无法写入此项目的文件夹或数据库，因此项目以只读方式打开：其中任何内容都不能更改。</translation>
    </message>
</context>
<context>
    <name>neuroonco::ProjectTrustDialog</name>
    <message>
        <source>Trust This Project&apos;s Endpoints?</source>
        <translation>信任此项目自带的端点？</translation>
    </message>
    <message>
        <source>This project brings its own list of model endpoints (%1). They are used only if you trust them: a stage run with one of them sends slices to its host, with the API key read from the environment variable it names. Trust them only if you know where this project comes from.</source>
        <translation>此项目自带一份模型端点列表（%1）。只有在您信任后才会使用：使用其中某个端点运行的阶段会把切片发送到它的主机，并附带从它所指定的环境变量中读取的 API 密钥。只有在您清楚此项目来源时才信任它们。</translation>
    </message>
    <message>
        <source>You trusted an earlier version of this list; it has changed since.</source>
        <translation>您信任的是此列表的早先版本；此后它已被修改。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <source>API key variable</source>
        <translation>API 密钥环境变量</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Not used: your own endpoint of this name comes first</source>
        <translation>不会使用：您自己的同名端点优先</translation>
    </message>
    <message>
        <source>Refused anyway: plain http to another computer</source>
        <translation>仍会被拒绝：以明文 http 连接其他计算机</translation>
    </message>
    <message>
        <source>(no key)</source>
        <translation>（无密钥）</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>信任</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
    <message>
        <source>Trust not saved</source>
        <translation>信任未保存</translation>
    </message>
</context>
<context>
    <name>neuroonco::QueueModel</name>
    <message>
        <source>Flagged as a duplicate of another sample</source>
        <translation>已标记为另一样本的重复项</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Src</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Seq.</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>掩膜</translation>
    </message>
    <message>
        <source>A≠B</source>
        <translation>A≠B</translation>
    </message>
    <message>
        <source>Warn</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审核</translation>
    </message>
</context>
<context>
    <name>neuroonco::QueuePanel</name>
    <message>
        <source>Any audit state</source>
        <translation>任意审核状态</translation>
    </message>
    <message>
        <source>Not audited</source>
        <translation>未审核</translation>
    </message>
    <message>
        <source>Partly audited</source>
        <translation>部分审核</translation>
    </message>
    <message>
        <source>Audited</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>With or without mask</source>
        <translation>有无掩膜均可</translation>
    </message>
    <message>
        <source>With mask</source>
        <translation>有掩膜</translation>
    </message>
    <message>
        <source>Without mask</source>
        <translation>无掩膜</translation>
    </message>
    <message>
        <source>Any warnings</source>
        <translation>任意警告</translation>
    </message>
    <message>
        <source>Has a warning</source>
        <translation>有警告</translation>
    </message>
    <message>
        <source>Lesion found vs mask</source>
        <translation>发现病灶与掩膜不符</translation>
    </message>
    <message>
        <source>Location vs mask</source>
        <translation>位置与掩膜不符</translation>
    </message>
    <message>
        <source>Enhancement, no contrast</source>
        <translation>非增强序列报告强化</translation>
    </message>
    <message>
        <source>Oedema on T1</source>
        <translation>T1 上报告水肿</translation>
    </message>
    <message>
        <source>Modality vs source</source>
        <translation>模态与来源不符</translation>
    </message>
    <message>
        <source>Runs disagree</source>
        <translation>两轮读取不一致</translation>
    </message>
    <message>
        <source>Show duplicates</source>
        <translation>显示重复项</translation>
    </message>
    <message>
        <source>Certification draw</source>
        <translation>认证抽样</translation>
    </message>
    <message>
        <source>Most disagreement first</source>
        <translation>分歧最多优先</translation>
    </message>
    <message>
        <source>Search sample ids</source>
        <translation>搜索样本 ID</translation>
    </message>
    <message>
        <source>Any source</source>
        <translation>任意来源</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>任意类型</translation>
    </message>
    <message>
        <source>Any sequence</source>
        <translation>任意序列</translation>
    </message>
    <message>
        <source>Audited %1 of %2 (%3 %) · showing %4</source>
        <translation>已审核 %1 / %2（%3 %）· 显示 %4 个</translation>
    </message>
</context>
<context>
    <name>neuroonco::ReviewController</name>
    <message>
        <source>Next Sample</source>
        <translation>下一个样本</translation>
    </message>
    <message>
        <source>Previous Sample</source>
        <translation>上一个样本</translation>
    </message>
    <message>
        <source>accept %1</source>
        <translation>接受“%1”</translation>
    </message>
    <message>
        <source>reject %1</source>
        <translation>拒绝“%1”</translation>
    </message>
    <message>
        <source>correct %1</source>
        <translation>更正“%1”</translation>
    </message>
    <message>
        <source>add %1</source>
        <translation>补充“%1”</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>retract %1</source>
        <translation>撤回“%1”</translation>
    </message>
    <message numerus="yes">
        <source>accept %n remaining field(s)</source>
        <translation>
            <numerusform>接受其余 %n 个字段</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>neuroonco::SampleInspector</name>
    <message>
        <source>x %1, y %2: %3</source>
        <translation>x %1，y %2：%3</translation>
    </message>
    <message>
        <source>Window level %1, width %2</source>
        <translation>窗位 %1，窗宽 %2</translation>
    </message>
    <message>
        <source>Select a sample to see it here.</source>
        <translation>选择一个样本以在此处查看。</translation>
    </message>
    <message>
        <source>Source %1 · %2</source>
        <translation>来源 %1 · %2</translation>
    </message>
    <message>
        <source>Tumour type: %1 · modality: %2</source>
        <translation>肿瘤类型：%1 · 模态：%2</translation>
    </message>
    <message>
        <source>&lt;small&gt;modality from %1&lt;/small&gt;</source>
        <translation>&lt;small&gt;模态依据：%1&lt;/small&gt;</translation>
    </message>
    <message>
        <source>%1×%2 pixels, from %3 (%4-bit, %5 channel(s))</source>
        <translation>%1×%2 像素，源自 %3（%4 位，%5 个通道）</translation>
    </message>
    <message>
        <source>Patient key: %1</source>
        <translation>患者标识：%1</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#d08000&apos;&gt;Flagged as an exact duplicate (not exported)&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#d08000&apos;&gt;已标记为完全重复（不导出）&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#d08000&apos;&gt;Flagged as a near duplicate (not exported)&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#d08000&apos;&gt;已标记为近似重复（不导出）&lt;/span&gt;</translation>
    </message>
    <message>
        <source>No mask.</source>
        <translation>无掩膜。</translation>
    </message>
    <message>
        <source>Mask semantics not computed yet.</source>
        <translation>尚未计算掩膜语义。</translation>
    </message>
    <message>
        <source>Mask: %1</source>
        <translation>掩膜：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mask semantics&lt;/b&gt;</source>
        <translation>&lt;b&gt;掩膜语义&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Size: %1 (%2 % of the image)</source>
        <translation>大小：%1（占图像的 %2 %）</translation>
    </message>
    <message>
        <source>Shape: %1 (circularity %2, elongation %3)</source>
        <translation>形态：%1（圆度 %2，伸长率 %3）</translation>
    </message>
    <message>
        <source>Spread: %1 (%2 component(s), core %3 %)</source>
        <translation>分布：%1（%2 个连通域，核心占 %3 %）</translation>
    </message>
    <message>
        <source>Location: %1 (centroid %2, %3)</source>
        <translation>位置：%1（质心 %2, %3）</translation>
    </message>
    <message>
        <source>In the head: %1, %2</source>
        <translation>头部位置：%1，%2</translation>
    </message>
    <message>
        <source>Sub-regions: necrosis %1 %, oedema %2 %, enhancing %3 %</source>
        <translation>子区域：坏死 %1 %，水肿 %2 %，强化 %3 %</translation>
    </message>
    <message>
        <source>&lt;b&gt;Description&lt;/b&gt;</source>
        <translation>&lt;b&gt;描述&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>neuroonco::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Model endpoints</source>
        <translation>模型端点</translation>
    </message>
    <message>
        <source>Mask thresholds</source>
        <translation>掩膜阈值</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>设置未保存</translation>
    </message>
    <message>
        <source>all cores</source>
        <translation>全部核心</translation>
    </message>
    <message>
        <source>Reviewer name (stored with every decision):</source>
        <translation>审核人姓名（随每个决定保存）：</translation>
    </message>
    <message>
        <source>Worker threads per job:</source>
        <translation>每个任务的工作线程数：</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>API key variable</source>
        <translation>API 密钥环境变量</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>并发请求数</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>请求数/秒</translation>
    </message>
    <message>
        <source>Timeout (s)</source>
        <translation>超时（秒）</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Small/Focal below this area ratio:</source>
        <translation>面积比低于此值为 Small/Focal（小/局灶）：</translation>
    </message>
    <message>
        <source>Medium below this area ratio:</source>
        <translation>面积比低于此值为 Medium（中等）：</translation>
    </message>
    <message>
        <source>Irregular/Spiculated below this circularity:</source>
        <translation>圆度低于此值为 Irregular/Spiculated（不规则/毛刺状）：</translation>
    </message>
    <message>
        <source>Round/Oval from this circularity:</source>
        <translation>圆度不低于此值为 Round/Oval（圆形/椭圆形）：</translation>
    </message>
    <message>
        <source>… and at most this elongation:</source>
        <translation>… 且伸长率不超过：</translation>
    </message>
    <message>
        <source>Dominant core from this share of the lesion:</source>
        <translation>占病灶比例不低于此值为 Dominant core（优势核心）：</translation>
    </message>
    <message>
        <source>Defaults are the paper&apos;s. Changing them makes earlier semantics stale: the next semantics run recomputes them.</source>
        <translation>默认值取自论文。更改后，之前的掩膜语义将过期：下次运行掩膜语义时会重新计算。</translation>
    </message>
    <message>
        <source> Not set in this session: %1.</source>
        <translation> 本会话中未设置：%1。</translation>
    </message>
    <message>
        <source>Plain HTTP</source>
        <translation>明文 HTTP</translation>
    </message>
    <message>
        <source>Allow plain http:// to another computer. Slices and the API key then travel unencrypted: only for a network you trust. Servers on this computer never need it.</source>
        <translation>允许以明文 http:// 连接其他计算机。此时切片和 API 密钥以未加密方式传输：仅用于您信任的网络。本机上的服务器无需此项。</translation>
    </message>
    <message>
        <source>Review Project Endpoints…</source>
        <translation>审查项目端点…</translation>
    </message>
    <message>
        <source>Your endpoints file cannot be read, so it is left as it is: %1</source>
        <translation>无法读取您的端点文件，因此保持原样不变：%1</translation>
    </message>
    <message>
        <source>Your endpoints, for every project, stored in %1. Keys are read from the named environment variables when requests are sent and are never written anywhere.%2</source>
        <translation>您的端点适用于所有项目，保存在 %1 中。密钥在发送请求时从指定的环境变量读取，不会写入任何位置。%2</translation>
    </message>
    <message>
        <source>This project&apos;s own endpoint list cannot be read and is not used: %1</source>
        <translation>无法读取此项目自带的端点列表，因此不会使用：%1</translation>
    </message>
    <message>
        <source>This project&apos;s own endpoints (%1) are trusted: they can be used as well, after yours.</source>
        <translation>此项目自带的端点（%1）已受信任：在您自己的端点之后也可以使用。</translation>
    </message>
    <message>
        <source>This project brings its own endpoints (%1). They are not used until you trust them.</source>
        <translation>此项目自带端点（%1）。在您信任之前不会使用它们。</translation>
    </message>
</context>
<context>
    <name>neuroonco::ViewerActions</name>
    <message>
        <source>Mask: Fill / Contour / Hidden</source>
        <translation>掩膜：填充 / 轮廓 / 隐藏</translation>
    </message>
    <message>
        <source>Largest Component Outline</source>
        <translation>最大连通域轮廓</translation>
    </message>
    <message>
        <source>Fitted Ellipse</source>
        <translation>拟合椭圆</translation>
    </message>
    <message>
        <source>Centroid</source>
        <translation>质心</translation>
    </message>
    <message>
        <source>3×3 Location Grid</source>
        <translation>3×3 定位网格</translation>
    </message>
    <message>
        <source>Components in Distinct Colours</source>
        <translation>连通域分色显示</translation>
    </message>
    <message>
        <source>Mask More Opaque</source>
        <translation>掩膜更不透明</translation>
    </message>
    <message>
        <source>Mask More Transparent</source>
        <translation>掩膜更透明</translation>
    </message>
    <message>
        <source>Window: Full Range</source>
        <translation>窗宽窗位：全范围</translation>
    </message>
    <message>
        <source>Window: Soft</source>
        <translation>窗宽窗位：柔和</translation>
    </message>
    <message>
        <source>Window: High Contrast</source>
        <translation>窗宽窗位：高对比度</translation>
    </message>
    <message>
        <source>Fit Slice to View</source>
        <translation>切片适应视图</translation>
    </message>
</context>
<context>
    <name>neuroonco::VolumeContextView</name>
    <message>
        <source>Reset view</source>
        <translation>重置视图</translation>
    </message>
    <message>
        <source>Front view, whole head in the frame</source>
        <translation>正面视图，整个头部位于画面内</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>头部</translation>
    </message>
    <message>
        <source>Show the head (or brain) surface</source>
        <translation>显示头部（或脑）表面</translation>
    </message>
    <message>
        <source>Slice plane</source>
        <translation>切片平面</translation>
    </message>
    <message>
        <source>Show the plane of the slice under review</source>
        <translation>显示正在审核的切片所在平面</translation>
    </message>
    <message>
        <source>Select a sample to see its volume.</source>
        <translation>选择一个样本以查看其容积。</translation>
    </message>
    <message>
        <source>This sample did not come from a volume.</source>
        <translation>此样本并非来自容积数据。</translation>
    </message>
    <message>
        <source>The 3D context needs OpenGL 3.2, which this display does not offer.</source>
        <translation>三维上下文需要 OpenGL 3.2，而当前显示环境不支持。</translation>
    </message>
    <message>
        <source>No segmentation volume next to this one: anatomy and slice plane only.</source>
        <translation>此容积旁没有分割容积：仅显示解剖结构和切片平面。</translation>
    </message>
    <message>
        <source>necrotic core</source>
        <translation>坏死核心</translation>
    </message>
    <message>
        <source>enhancing tumour</source>
        <translation>强化肿瘤</translation>
    </message>
    <message>
        <source>oedema</source>
        <translation>水肿</translation>
    </message>
    <message>
        <source>tumour</source>
        <translation>肿瘤</translation>
    </message>
    <message>
        <source>slice plane</source>
        <translation>切片平面</translation>
    </message>
    <message>
        <source>%1 · slice %2 of %3 · drag to rotate, right-drag or wheel to zoom, middle-drag to pan</source>
        <translation>%1 · 第 %2 / %3 张切片 · 拖动旋转，右键拖动或滚轮缩放，中键拖动平移</translation>
    </message>
</context>
<context>
    <name>neuroonco::WorkspaceController</name>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Review (%1)</source>
        <translation>审核（%1）</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重复项</translation>
    </message>
    <message>
        <source>Ingest problems</source>
        <translation>导入问题</translation>
    </message>
</context>
</TS>
