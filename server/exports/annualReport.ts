import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import type { IsoDate } from '../../src/core/dates';
import { STATUS_LABEL, type TaskStatus } from '../../src/core/status';
import { photoFacts, thumbnailSize } from './photoSize';

export interface ReportTask {
  itemNo: number;
  title: string;
  label: string;
  status: TaskStatus;
  dueDate: IsoDate;
  note: string;
  requirements: string[];
  reviewComment: string | null;
  /** 延期 (or an open request) in words; empty when there is nothing to say. */
  remark: string;
  /** Evidence by name; `photo` holds the bytes of a JPEG/PNG to show as a thumbnail. */
  evidence: Array<{ name: string; photo?: Buffer }>;
}

/** Everything the annual report draft says, gathered beforehand: the builder reads nothing else. */
export interface AnnualReportData {
  unitName: string;
  year: number;
  /** The day the draft is made: what counts as overdue. */
  asOf: IsoDate;
  source: { title: string; docNo: string };
  sections: Array<{ name: string; tasks: ReportTask[] }>;
  overdue: Array<{
    itemNo: number;
    title: string;
    label: string;
    dueDate: IsoDate;
    daysOverdue: number;
    status: TaskStatus;
  }>;
  /** Tasks the lead unit agreed do not apply (不涉及), with the reason: left out of the sections. */
  exemptions: Array<{ itemNo: number; title: string; label: string; reason: string; decidedOn: IsoDate | null }>;
  /** 领导批示 of the year, oldest first; `on` names the task, null for the unit as a whole. */
  instructions: Array<{ date: IsoDate; authorName: string; text: string; on: string | null }>;
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const OVERDUE_HEADING = '未按期完成的事项';
export const EXEMPTION_HEADING = '经同意不涉及的事项';
export const INSTRUCTION_HEADING = '领导批示及落实';
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

export function annualReportTitle(unitName: string, year: number): string {
  return `${unitName}${year}年度法治政府建设情况报告（草稿）`;
}

export function annualReportName(unitName: string, year: number): string {
  return `${unitName}_${year}年度法治政府建设情况报告（草稿）.docx`;
}

const text = (value: string) => new Paragraph({ children: [new TextRun(value)], indent: { firstLine: 640 } });
const heading = (value: string, level: 1 | 2) =>
  new Paragraph({ text: value, heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 });

function opening(data: AnnualReportData): Paragraph {
  const tasks = data.sections.flatMap((section) => section.tasks);
  const count = (status: TaskStatus) => tasks.filter((task) => task.status === status).length;
  const items = new Set(tasks.map((task) => task.itemNo)).size;
  return text(
    `${data.year}年，${data.unitName}按照《${data.source.title}》（${data.source.docNo}）的部署，承担其中${items}项任务、` +
      `${tasks.length}个报送事项。截至${data.asOf}，已通过审核${count('approved')}个，待审核${count('submitted')}个，` +
      `被退回待修改${count('returned')}个，尚未报送${count('pending')}个，其中逾期${data.overdue.length}个` +
      `${data.exemptions.length > 0 ? `；另有${data.exemptions.length}个事项经牵头单位同意不涉及，不计入以上数字` : ''}。现将有关情况报告如下。`,
  );
}

function exemptionParagraphs(data: AnnualReportData): Paragraph[] {
  if (data.exemptions.length === 0) return [text('无。')];
  return data.exemptions.map((task) =>
    text(
      `第${task.itemNo}项 ${task.title}（${task.label}）：不涉及。理由：${task.reason}` +
        `${task.decidedOn ? `（牵头单位于${task.decidedOn}同意）` : ''}。`,
    ),
  );
}

function instructionParagraphs(data: AnnualReportData): Paragraph[] {
  if (data.instructions.length === 0) return [text('无。')];
  return data.instructions.map((instruction) =>
    text(
      `${instruction.date}，${instruction.authorName}${instruction.on ? `就${instruction.on}` : ''}批示：${instruction.text}`,
    ),
  );
}

function thumbnails(task: ReportTask): Paragraph | null {
  const runs = task.evidence.flatMap((evidence) => {
    const facts = evidence.photo ? photoFacts(evidence.photo) : null;
    if (!evidence.photo || !facts) return [];
    const image = new ImageRun({
      type: facts.type,
      data: evidence.photo,
      transformation: thumbnailSize(facts),
      altText: { name: evidence.name, description: evidence.name, title: evidence.name },
    });
    return [image, new TextRun('  ')];
  });
  return runs.length > 0 ? new Paragraph({ children: runs }) : null;
}

function taskParagraphs(task: ReportTask): Paragraph[] {
  const paragraphs = [
    heading(`第${task.itemNo}项 ${task.title}（${task.label}）：${STATUS_LABEL[task.status]}`, 2),
    text(task.note.trim() || '（尚未填写工作情况。）'),
  ];
  if (task.requirements.length > 0) paragraphs.push(text(`工作要求：${task.requirements.join('；')}`));
  if (task.status === 'returned' && task.reviewComment) paragraphs.push(text(`审核意见：${task.reviewComment}`));
  if (task.remark) paragraphs.push(text(`${task.remark}。`));
  if (task.evidence.length > 0) {
    paragraphs.push(text(`佐证材料：${task.evidence.map((evidence) => evidence.name).join('、')}`));
    const photos = thumbnails(task);
    if (photos) paragraphs.push(photos);
  }
  return paragraphs;
}

function overdueParagraphs(data: AnnualReportData): Paragraph[] {
  if (data.overdue.length === 0) return [text('无。')];
  return data.overdue.map((task) => {
    const state = task.status === 'returned' ? '被退回后尚未重新报送' : '尚未报送';
    return text(
      `第${task.itemNo}项 ${task.title}（${task.label}）：截止日期${task.dueDate}，已逾期${task.daysOverdue}天，${state}。`,
    );
  });
}

/** The unit's annual 法治政府建设 report as a Word draft: plain headings and paragraphs, easy to edit. */
export async function buildAnnualReport(data: AnnualReportData): Promise<Buffer> {
  const title = annualReportTitle(data.unitName, data.year);
  const sections = data.sections.filter((section) => section.tasks.length > 0);
  const children: Paragraph[] = [
    new Paragraph({ text: title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: `（系统于${data.asOf}根据报送情况生成，请核实、修改后定稿）`, italics: true })],
    }),
    opening(data),
    ...sections.flatMap((section, index) => [
      heading(`${NUMERALS[index] ?? index + 1}、${section.name}`, 1),
      ...section.tasks.flatMap(taskParagraphs),
    ]),
    heading(`${NUMERALS[sections.length] ?? sections.length + 1}、${OVERDUE_HEADING}`, 1),
    ...overdueParagraphs(data),
    heading(`${NUMERALS[sections.length + 1] ?? sections.length + 2}、${EXEMPTION_HEADING}`, 1),
    ...exemptionParagraphs(data),
    heading(`${NUMERALS[sections.length + 2] ?? sections.length + 3}、${INSTRUCTION_HEADING}`, 1),
    ...instructionParagraphs(data),
    heading(`${NUMERALS[sections.length + 3] ?? sections.length + 4}、存在的问题和下一步打算`, 1),
    text('（请结合本单位实际填写。）'),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 480 }, children: [new TextRun(data.unitName)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(`${data.year}年  月  日`)] }),
  ];
  const document = new Document({
    creator: '法治政府建设任务清单',
    title,
    styles: {
      default: {
        document: { run: { font: { ascii: 'Times New Roman', eastAsia: '仿宋_GB2312' }, size: 32 } },
        title: { run: { font: { eastAsia: '方正小标宋简体' }, size: 44, color: '000000' } },
        heading1: { run: { font: { eastAsia: '黑体' }, size: 32, bold: false, color: '000000' } },
        heading2: { run: { font: { eastAsia: '楷体_GB2312' }, size: 32, bold: true, color: '000000' } },
      },
    },
    sections: [{ properties: {}, children }],
  });
  return Packer.toBuffer(document);
}
