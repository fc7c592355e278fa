<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ChartFactory</name>
    <message>
        <source>Average Information Rate per field and stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit: precision and omission per field (95% Wilson intervals)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark composition: questions per type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark: correct answer letters (closed questions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark: share of trap questions per type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation: accuracy per model and question type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields filled (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gold (after QC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Omission rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trap share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lesion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mask shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mask location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>modality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>margins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>texture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enhancement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>oedema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sign extraction yet: run Pipeline → Extract signs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reviewer decisions yet: audit samples in the Review tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No benchmark yet: run Pipeline → Build benchmark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evaluation yet: evaluate a model on the benchmark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsistencyChecks</name>
    <message>
        <source>%1 says no lesion, but the mask marks %2 pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 puts the lesion in %2; the mask centroid is in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reports %2 enhancement on a %3 series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reports %2 oedema on a %3 series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reads %2; the source says %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gold</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Error</name>
    <message>
        <source>Nothing succeeded in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to do for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicting work in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read or write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid value for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed content in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database error in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was created by a newer version of NeuroOnco Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network error for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not trusted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project database is damaged (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project is read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectStatus</name>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingest problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With mask semantics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Described</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read by run A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read by run B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fused labels kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gold labels (after QC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed benchmark items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open benchmark items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved benchmark items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples in the test split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation runs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Choose a Source Manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manifests (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedded classical reader (no model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who reads the slices?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate a Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model endpoint is configured. Add one in File → Settings (base URL, model, and the name of the environment variable that holds its API key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image not found:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paraphrase Open Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rewording needs a model endpoint. Add one in File → Settings (base URL, model, and the name of the environment variable that holds its API key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model rewords the reference answers of generated open items that nobody has curated yet. A rewrite that drops or adds a number or a key term, or invents a patient detail, is discarded.

Model endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportRenderer</name>
    <message>
        <source>Project report — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated %1 by NeuroOnco Studio %2 from %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>samples audited by a reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the numbers are defined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average Information Rate (AIR): over lesion-positive readings, the share in which each of the six signs (shape, margins, texture, enhancement, oedema, signal intensity) is filled; overall is the mean of the six.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit precision: correct non-null silver values / audited non-null silver values. Omission rate: values the reviewer had to add / all values that should be present. Intervals are 95% Wilson score intervals; n is the number of decisions behind each value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trap questions: the correct option was removed and the answer is &quot;None of the above&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readings labelled classical come from the embedded image-feature extractor, not from a language model.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewField</name>
    <message>
        <source>Mask size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask spread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesion found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Margins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enhancement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oedema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signal intensity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewerName</name>
    <message>
        <source>Reviewer Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name is stored with every review decision you make:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>Ingest and standardise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the sources of a manifest into canonical 8-bit slices and masks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deduplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find exact and near-duplicate slices across sources and flag them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask semantics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size, shape, spread and location of every lesion mask, with the numbers behind them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule-based coarse description of every sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extract signs, run A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conservative reading of every slice (model endpoint or classical extractor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extract signs, run B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The skeptical second reading of every slice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fuse readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-validate run A and run B into one label per slice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model audit (QC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A third reader keeps, erases or downgrades each fused field: the gold label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed and open benchmark items from the gold labels, with traps and balanced answer letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About eight chat-format training samples per training slice (open, closed, closed with reasoning)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask a model endpoint every benchmark question with its image, and score the answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paraphrase open answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model endpoint rewords the rule-built reference answers; numbers and key terms are checked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>NeuroOnco Studio desktop application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project folder to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE after DELAY ms and quit (for checks).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay before --screenshot, in ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the review at this sample_id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sample %1 in this project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tab named %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open on this tab: overview, review, benchmark, evaluations, dashboard, duplicates or ingest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the interface in LANG for this run (en or zh_CN); the setting in Preferences is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open PROJECT for reading only: nothing in it is written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--screenshot-delay needs a number of milliseconds.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::AttributePanel</name>
    <message>
        <source>&lt;small&gt;&lt;b&gt;A&lt;/b&gt; accept · &lt;b&gt;R&lt;/b&gt; reject · &lt;b&gt;1–9&lt;/b&gt; pick a value · &lt;b&gt;Space&lt;/b&gt; list values · &lt;b&gt;Enter&lt;/b&gt; accept the rest and go to the next sample · &lt;b&gt;Ctrl+Z&lt;/b&gt; undo&lt;/small&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment on this sample, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::AttributeTableModel</name>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retracted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Healthy (no lesion)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downgraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the mask by the published rules: area %1 %, circularity %2, elongation %3, %4 component(s), centroid (%5, %6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not read yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · prompt %3 · %4 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not fused yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A: %1, B: %2 → %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both runs agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not audited by a model yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No action by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::BenchmarkController</name>
    <message>
        <source>No project is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Curate Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Build Benchmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build &amp;Instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make Test/Train &amp;Split…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lint and Check Staleness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Benchmark File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Closed Benchmark…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Open Benchmark…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No benchmark items yet. Build them with Benchmark → Build Benchmark (after semantics, and richer after fusion and QC), or import a published benchmark file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Benchmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export only the approved items? (No exports pending and stale items too; rejected items are never exported.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The benchmark was not exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Benchmark File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed (vqa_pairs, multiple choice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open (qa_pairs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file holds:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 questions from %2 records: %3 stored as pending items, %4 already curated and kept, %5 linked to samples of this project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make Test/Train Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of samples in the test split (%). Patients, volumes and near-duplicate clusters always stay on one side:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The split was not made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paraphrase Open Answers…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::BenchmarkItemModel</name>
    <message>
        <source>A reviewer changed an attribute this item was built from: check it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ans.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lint</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::BenchmarkItemView</name>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rebuilt from gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marked stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the benchmark (Benchmark → Build Benchmark), then pick an item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit… (E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuild from gold (G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the question again from the current gold values, keeping its answer letter and trap flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for the history (optional), e.g. why the item is rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trap question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The correct option (%1) was removed, so the answer is &quot;None of the above&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keywords:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale: a reviewer changed an attribute it was built from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lint warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::BenchmarkListPanel</name>
    <message>
        <source>%1 items · %2 approved · %3 pending · %4 stale · %5 rejected · showing %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed and open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed (multiple choice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any question type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only with lint warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search image or item number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::ContextController</name>
    <message>
        <source>Select a sample to see its volume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a 2D image: it was not cut from a volume, so there is no 3D context to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot show the volume: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::DashboardController</name>
    <message>
        <source>Open a project to see its figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot collect the figures: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (*.pdf);;Web page (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was not written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chart was not written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::DashboardView</name>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project to see its figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 samples · %3 audited by a reviewer · updated %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As PNG image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As SVG drawing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::DuplicateClusterView</name>
    <message>
        <source>Select a cluster to compare its members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No duplicates found (or de-duplication has not run yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 slices · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>near</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exact duplicate (pHash distance %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>near duplicate (pHash distance %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;kept&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&lt;br&gt;source %2 · %3 · %4×%5 · %6&lt;br&gt;%7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cluster of %n slice(s); the kept one comes first.</source>
        <translation>
            <numerusform>Cluster of %n slice; the kept one comes first.</numerusform>
            <numerusform>Cluster of %n slices; the kept one comes first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>neuroonco::EvalQuestionModel</name>
    <message>
        <source>trap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROUGE-L %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::EvalRunModel</name>
    <message>
        <source>%1 run, created %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, not finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brackets: 95% bootstrap interval over questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, circular</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (+%2 pending)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy on trap questions: the correct option was removed, the answer is &quot;None of the above&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of trap questions answered &quot;None of the above&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of answerable questions answered &quot;None of the above&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replies that name no single option (refusals, several letters, no answer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy [95% CI]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-traps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct rejection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False rejection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyword recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BLEU-4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROUGE-L</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::EvaluateDialog</name>
    <message>
        <source>Circular: ask every rotation of the options; right only if right in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also pending and stale items (rejected ones never)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate a Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No judge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed questions (answer letter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open questions (free text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test split only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training split only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model endpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judge for open answers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run with the same name continues where it stopped; questions already answered are not asked again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::EvaluationController</name>
    <message>
        <source>Evaluations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;valuations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate a &amp;Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Predictions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the evaluations: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictions (*.jsonl *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The predictions were not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lines: %2 matched to benchmark items, %3 kept as external questions, %4 trap flags corrected from the items, %5 unreadable answers (counted as invalid).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictions (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The predictions were not exported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::EvaluationView</name>
    <message>
        <source>No evaluation yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate a Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask a configured model endpoint every approved benchmark question with its image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Predictions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictions of an outside run, one JSON line per question (id, q_index, pred, …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Predictions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid answers and failed requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trap questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evaluation yet. Configure a model endpoint in Settings, then Evaluate a Model; or import the predictions of an outside run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n evaluation run(s). Brackets are 95% bootstrap intervals over questions.</source>
        <translation>
            <numerusform>%n evaluation run. Brackets are 95% bootstrap intervals over questions.</numerusform>
            <numerusform>%n evaluation runs. Brackets are 95% bootstrap intervals over questions.</numerusform>
        </translation>
    </message>
    <message>
        <source>No questions in this view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply names no single option: counted as invalid, never guessed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keywords:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keyword recall %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BLEU-4 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROUGE-L %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>judge %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request failed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotations (circular evaluation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::IngestIssuesView</name>
    <message>
        <source>All problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors (file skipped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings (file kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shown of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::ItemEditDialog</name>
    <message>
        <source>Edit Item #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trap: the correct option was removed; the answer is &quot;None of the above&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed correct option:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keywords (comma-separated):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::JobListModel</name>
    <message numerus="yes">
        <source>succeeded with %n error(s)</source>
        <translation>
            <numerusform>succeeded with %n error</numerusform>
            <numerusform>succeeded with %n errors</numerusform>
        </translation>
    </message>
    <message>
        <source>First failures: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::JobsController</name>
    <message>
        <source>Items: %1 succeeded, %2 failed, %3 skipped, %4 already done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First failures: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumes job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::JobsPanel</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the selected job after the current batch; finished items are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the selected stage again; items finished earlier are not redone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details and log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::MainWindow</name>
    <message>
        <source>Cannot start the job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — NeuroOnco Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NeuroOnco Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &amp;All Stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume Interrupted Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer &amp;Name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Benchmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jobs Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About NeuroOnco Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) running</source>
        <translation>
            <numerusform>%n job running</numerusform>
            <numerusform>%n jobs running</numerusform>
        </translation>
    </message>
    <message>
        <source>No jobs running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Project Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Project Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some jobs could not be resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No interrupted jobs to resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About NeuroOnco Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;NeuroOnco Studio %1&lt;/h3&gt;&lt;p&gt;Builds audited, multimodal brain-tumour MRI datasets and rejection-aware benchmarks from public collections, and gives radiologists and curators a fast tool to review them.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs are running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the running jobs and quit? Finished items are kept; the jobs can be resumed later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The benchmark item was not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decision was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3D Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;3D Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Slice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 samples (%2 with mask)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 flagged duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ingest problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Close the project and run &apos;neuroonco status&apos; on it: it checks the database and says how to restore a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A read failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Project &amp;Read-Only…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project for reading only: nothing in it is written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (read-only) — NeuroOnco Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Project Folder Read-Only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::ProjectOverview</name>
    <message numerus="yes">
        <source>succeeded with %n error(s)</source>
        <translation>
            <numerusform>succeeded with %n error</numerusform>
            <numerusform>succeeded with %n errors</numerusform>
        </translation>
    </message>
    <message>
        <source>never run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NeuroOnco Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build audited brain-tumour MRI datasets and benchmarks: ingest public collections, derive mask attributes, extract and cross-check radiological signs, review them slice by slice, and publish a rejection-aware benchmark. Create a project or open one to begin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema version: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to run this stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::ProjectSession</name>
    <message>
        <source>The project was opened read-only: nothing in it can be changed. Open it again with File → Open Project… to work on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot write this project&apos;s folder or database, so it is open read-only: nothing in it can be changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::ProjectTrustDialog</name>
    <message>
        <source>Trust This Project&apos;s Endpoints?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project brings its own list of model endpoints (%1). They are used only if you trust them: a stage run with one of them sends slices to its host, with the API key read from the environment variable it names. Trust them only if you know where this project comes from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You trusted an earlier version of this list; it has changed since.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not used: your own endpoint of this name comes first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused anyway: plain http to another computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::QueueModel</name>
    <message>
        <source>Flagged as a duplicate of another sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Src</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seq.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A≠B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::QueuePanel</name>
    <message>
        <source>Any audit state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not audited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly audited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With or without mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has a warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesion found vs mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location vs mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enhancement, no contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oedema on T1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modality vs source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs disagree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certification draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most disagreement first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search sample ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audited %1 of %2 (%3 %) · showing %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::ReviewController</name>
    <message>
        <source>Next Sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous Sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accept %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reject %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correct %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retract %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>accept %n remaining field(s)</source>
        <translation>
            <numerusform>accept %n remaining field</numerusform>
            <numerusform>accept %n remaining fields</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>neuroonco::SampleInspector</name>
    <message>
        <source>x %1, y %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window level %1, width %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a sample to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tumour type: %1 · modality: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;small&gt;modality from %1&lt;/small&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×%2 pixels, from %3 (%4-bit, %5 channel(s))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#d08000&apos;&gt;Flagged as an exact duplicate (not exported)&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#d08000&apos;&gt;Flagged as a near duplicate (not exported)&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mask.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask semantics not computed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Mask semantics&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size: %1 (%2 % of the image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shape: %1 (circularity %2, elongation %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spread: %1 (%2 component(s), core %3 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location: %1 (centroid %2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the head: %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-regions: necrosis %1 %, oedema %2 %, enhancing %3 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Description&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer name (stored with every decision):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker threads per job:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Small/Focal below this area ratio:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium below this area ratio:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Irregular/Spiculated below this circularity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round/Oval from this circularity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and at most this elongation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dominant core from this share of the lesion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defaults are the paper&apos;s. Changing them makes earlier semantics stale: the next semantics run recomputes them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Not set in this session: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow plain http:// to another computer. Slices and the API key then travel unencrypted: only for a network you trust. Servers on this computer never need it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review Project Endpoints…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your endpoints file cannot be read, so it is left as it is: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your endpoints, for every project, stored in %1. Keys are read from the named environment variables when requests are sent and are never written anywhere.%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project&apos;s own endpoint list cannot be read and is not used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project&apos;s own endpoints (%1) are trusted: they can be used as well, after yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project brings its own endpoints (%1). They are not used until you trust them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::ViewerActions</name>
    <message>
        <source>Mask: Fill / Contour / Hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest Component Outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fitted Ellipse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centroid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3×3 Location Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Components in Distinct Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask More Opaque</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask More Transparent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window: Full Range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window: Soft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window: High Contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit Slice to View</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::VolumeContextView</name>
    <message>
        <source>Reset view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Front view, whole head in the frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the head (or brain) surface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slice plane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the plane of the slice under review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a sample to see its volume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sample did not come from a volume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 3D context needs OpenGL 3.2, which this display does not offer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No segmentation volume next to this one: anatomy and slice plane only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>necrotic core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enhancing tumour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>oedema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tumour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slice plane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · slice %2 of %3 · drag to rotate, right-drag or wheel to zoom, middle-drag to pan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuroonco::WorkspaceController</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingest problems</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
