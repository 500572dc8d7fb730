package org.policysearch.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The inference rules on real opening and closing lines (demo corpus, benchmark laws, Federal Register, White House). */
class MetadataInferenceTest {
  private static DocumentMetadata infer(String text) {
    return MetadataInference.infer(text, null, null, null);
  }

  @Test
  void lawTakesItsAdoptionLine() {
    DocumentMetadata m = infer("""
        # 中华人民共和国反垄断法

        2007年8月30日 第十届全国人民代表大会常务委员会第二十九次会议通过

        ## 第一章 总则

        第一条 为了预防和制止垄断行为，保护市场公平竞争，提高经济运行效率，维护消费者利益和社会公共利益，促进社会主义市场经济健康发展，制定本法。
        """);
    assertEquals("中华人民共和国反垄断法", m.title());
    assertEquals("2007-08-30", m.date());
    assertEquals("text:adopted", m.dateSource());
    assertNull(m.dateFirst());
    assertEquals("全国人民代表大会常务委员会", m.issuer());
  }

  @Test
  void amendedLawSortsByItsAmendmentAndKeepsItsFirstAdoption() {
    // the 2014 procurement law as a plain-text file: the title line must not run into the adoption line
    DocumentMetadata m = infer("""
        中华人民共和国政府采购法
        2002年6月29日 第九届全国人民代表大会常务委员会第二十八次会议通过
        2014年8月31日 第十二届全国人民代表大会常务委员会第十次会议《关于修改<中华人民共和国保险法>等五部法律的决定》修正
        第一章 总则
        第一条 为了规范政府采购行为，提高政府采购资金的使用效益，维护国家利益和社会公共利益，保护政府采购当事人的合法权益，促进廉政建设，制定本法。
        """);
    assertEquals("中华人民共和国政府采购法", m.title());
    assertEquals("2014-08-31", m.date());
    assertEquals("2002-06-29", m.dateFirst());
    assertEquals("text:amended", m.dateSource());
  }

  @Test
  void titleRunOnIsCut() {
    assertEquals("中华人民共和国政府采购法",
        infer("中华人民共和国政府采购法2002年6月29日 第九届全国人民代表大会常务委员会第二十八次会议通过\n\n第一章 总则").title());
  }

  @Test
  void parenthesisedAmendmentHistoryGivesTheLastAmendment() {
    // a judicial interpretation of the benchmark laws: adopted 2001, amended 2020 by a decision adopted the same day
    DocumentMetadata m = infer("""
        # 最高人民法院关于破产企业国有划拨土地使用权应否列入破产财产等问题的批复

        （2001年2月6日最高人民法院审判委员会第1158次会议通过，根据2020年12月23日最高人民法院审判委员会第1823次会议通过的《最高人民法院关于修改〈最高人民法院关于破产企业国有划拨土地使用权应否列入破产财产等问题的批复〉等二十九件商事类司法解释的决定》修正）
        """);
    assertEquals("2020-12-23", m.date());
    assertEquals("2001-02-06", m.dateFirst());
    assertEquals("最高人民法院", m.issuer());
  }

  @Test
  void regulationTakesItsPromulgationNotItsEffectiveDate() {
    DocumentMetadata m = infer("""
        # 中华人民共和国政府采购法实施条例

        2014年12月31日 国务院第75次常务会议通过

        2015年1月30日 中华人民共和国国务院令第658号公布

        2015年3月1日 施行
        """);
    assertEquals("2015-01-30", m.date());
    assertEquals("text:promulgated", m.dateSource());
    assertEquals("国务院", m.issuer());
    assertEquals(List.of("中华人民共和国国务院令第658号"), m.numbers());
  }

  @Test
  void stateCouncilNoticeTakesItsNumberAndTheDateUnderItsSignature() {
    DocumentMetadata m = infer("""
        国务院关于印发《中国制造2025》的通知

        国发〔2015〕28号

        各省、自治区、直辖市人民政府，国务院各部委、各直属机构：

        现将《中国制造2025》印发给你们，请认真贯彻执行。

        国务院

        2015年5月8日

        （此件公开发布）
        """);
    assertEquals("国务院关于印发《中国制造2025》的通知", m.title());
    assertEquals("2015-05-08", m.date());
    assertEquals("text:signed", m.dateSource());
    assertEquals(List.of("国发〔2015〕28号"), m.numbers());
    assertEquals("国务院", m.issuer());
  }

  @Test
  void labelledDateAndChineseNumeralDate() {
    assertEquals("2016-05-19", infer("关于某事项的通知\n发布日期：2016年5月19日\n正文。").date());
    assertEquals("text:labelled", infer("关于某事项的通知\n成文日期: 2016年5月19日\n正文。").dateSource());
    assertEquals("2015-05-08", infer("某部门关于某事项的通知\n\n正文。\n\n二〇一五年五月八日").date());
  }

  @Test
  void aDateCitedInTheOpeningProseIsNotTheDocumentsNumber() {
    DocumentMetadata m = infer("""
        # 国务院关于国家行政机关和企业事业单位社会团体印章管理的规定

        1993年国务院印发的《国务院关于国家行政机关和企业事业单位印章的规定》(国发〔1993〕21号)，对于规范和加强国家行政机关和企业事业单位、社会团体印章的管理工作，起到了重要的作用。
        """);
    assertEquals(List.of(), m.numbers());
    assertNull(m.date());
    assertEquals("国务院", m.issuer()); // named in the title
  }

  @Test
  void aRepealedDocumentsDateInTheClosingLinesIsNotThisOnes() {
    // the closing article of a judicial interpretation of the benchmark laws (its own header states no date)
    DocumentMetadata m = infer("""
        # 最高人民法院关于扣押与拍卖船舶适用法律若干问题的规定

        第一条 海事请求人申请对船舶采取限制处分或者抵押等保全措施的，海事法院可以依照民事诉讼法的有关规定，裁定准许并通知船舶登记机关协助执行。

        第二十五条 本规定施行前已经实施的船舶扣押与拍卖，本规定施行后当事人申请复议的，不适用本规定。

        本规定施行后，最高人民法院1994年7月6日制定的《关于海事法院拍卖被扣押船舶清偿债务的规定》（法发〔1994〕14号）同时废止。最高人民法院以前发布的司法解释和规范性文件与本规定不一致的，以本规定为准。
        """);
    assertNull(m.date());
    assertEquals(List.of(), m.numbers(), "法发〔1994〕14号 is the repealed document's number");
  }

  @Test
  void workReportDeliveredAtTheNpcIsIssuedByTheStateCouncil() {
    DocumentMetadata m = MetadataInference.infer("""
        2017年中华人民共和国国务院政府工作报告

        政府工作报告

        ——2017年3月5日在第十二届全国人民代表大会第五次会议上

        国务院总理　李克强
        """, "2017年中华人民共和国国务院政府工作报告", null, "report.html");
    assertEquals("2017-03-05", m.date());
    assertEquals("text:delivered", m.dateSource());
    assertEquals("国务院", m.issuer());
    // without a dated line, the year the title gives
    assertEquals("2015", MetadataInference.infer("各位代表：", "2015年中华人民共和国国务院政府工作报告", null, null).date());
  }

  @Test
  void federalRegisterNoticeTakesHeaderTitleAgencyAndNumbers() {
    // the USTR notice as pdftotext gives it: the page opens with the end of the notice before it
    String text = """
        28710 Federal Register / Vol. 83, No. 119 / Wednesday, June 20, 2018 / Notices

        trackage rights until January 31, 2020.

        [FR Doc. 2018–13156 Filed 6–19–18; 8:45 am]

        BILLING CODE 4915–01–P

        OFFICE OF THE UNITED STATES
        TRADE REPRESENTATIVE

        [Docket Number USTR–2018–0018]

        Notice of Action and Request for
        Public Comment Concerning Proposed
        Determination of Action Pursuant to
        Section 301

        AGENCY: Office of the United States
        Trade Representative.
        ACTION: Notice of action, request for
        comments, and notice of public hearing.

        [FR Doc. 2018–13248 Filed 6–19–18; 8:45 am]
        """;
    DocumentMetadata m = MetadataInference.infer(text, null, "2018-06-20T04:10:53Z", "2018-13248.pdf");
    assertEquals("Notice of Action and Request for Public Comment Concerning Proposed Determination of Action Pursuant to Section 301",
        m.title());
    assertEquals("2018-06-20", m.date());
    assertEquals("text:federal-register", m.dateSource());
    assertEquals("Office of the United States Trade Representative", m.issuer());
    assertEquals(List.of("FR Doc. 2018-13248", "USTR-2018-0018"), m.numbers());
  }

  @Test
  void englishDatedSignedAndProclaimedLines() {
    assertEquals("2018-06-15", infer("Notice\n\nSome text.\n\nDated: June 15, 2018.\nRobert E. Lighthizer,").date());
    DocumentMetadata signed = infer("""
        Memorandum on Something

        Text of the memorandum.

        JOSEPH R. BIDEN JR.

        THE WHITE HOUSE,
            May 14, 2024.
        """);
    assertEquals("2024-05-14", signed.date());
    assertEquals("text:signed", signed.dateSource());
    assertEquals("The White House", signed.issuer());
    DocumentMetadata proclaimed = infer("""
        A Proclamation on National Something Month, 2024

        NOW, THEREFORE, I, JOSEPH R. BIDEN JR., President of the United States of America, do hereby proclaim October 2024 as National Something Month.

        IN WITNESS WHEREOF, I have hereunto set my hand this
        thirtieth day of September, in the year of our Lord two thousand
        twenty-four, and of the Independence of the United States of America
        the two hundred and forty-ninth.
        """);
    assertEquals("2024-09-30", proclaimed.date());
    assertEquals("text:proclamation", proclaimed.dateSource());
    assertEquals("2017-03", infer("Made in China 2025\n\nMarch 2017\n\nA report.").date());
  }

  @Test
  void markdownHeadingIsTheTitleHoweverLong() {
    String heading = "Memorandum on Actions by the United States Related to the Statutory 4-Year Review of the Section 301 "
        + "Investigation of China’s Acts, Policies, and Practices Related to Technology Transfer, Intellectual Property, and Innovation";
    DocumentMetadata m = infer("# " + heading + "\n\nMEMORANDUM FOR THE UNITED STATES TRADE REPRESENTATIVE\n\n"
        + "On May 5, 2022, the United States Trade Representative initiated the statutory 4-year review.\n\n"
        + "JOSEPH R. BIDEN JR.");
    assertEquals(heading, m.title());
    assertNull(m.date(), "a date inside a sentence is not the document's");
    assertEquals("The White House", m.issuer());
  }

  @Test
  void fileMetadataTitleUnlessItIsAFileNameAndCreationDateOnlyWhenTheTextHasItsYear() {
    assertEquals("Made in China 2025", MetadataInference.infer("Message\n\ntext", "Made in China 2025", null, "x.pdf").title());
    assertEquals("Message", MetadataInference.infer("Message\n\ntext", "Microsoft Word - report.docx", null, "x.pdf").title());
    // a file converted in 2026 does not make a 2017 report a 2026 one; the file name decides
    DocumentMetadata conv = MetadataInference.infer("Message\n\nThe report of 2017.", null, "2026-11-30T03:49:17Z", "report-2017.pdf");
    assertEquals("2017", conv.date());
    assertEquals("file-name", conv.dateSource());
    DocumentMetadata kept = MetadataInference.infer("Message\n\nWritten in 2018.", null, "2018-06-20T04:10:53Z", "x.pdf");
    assertEquals("2018-06-20", kept.date());
    assertEquals("metadata", kept.dateSource());
    assertEquals("2024-05-14", MetadataInference.infer("Text\n\nmore", null, null, "2024-05-14-fact-sheet.md").date());
  }

  @Test
  void filterValuesFoldNamesAliasesAndBrackets() {
    assertTrue(Issuers.filterValues("全国人民代表大会常务委员会 (NPC Standing Committee)").containsAll(
        List.of("全国人民代表大会常务委员会", "全国人大常委会", "npc standing committee")));
    assertTrue(Issuers.filterValues("Office of the United States Trade Representative").contains("ustr"));
    assertEquals(Issuers.normalize("The White House"), Issuers.normalize("the  white house"));
    assertEquals(DocumentNumbers.normalize("国发〔2015〕28号"), DocumentNumbers.normalize("国发[2015]28号"));
    assertEquals(DocumentNumbers.normalize("国发〔2015〕28号"), DocumentNumbers.normalize("国发（2015）28号"));
    assertTrue(DocumentNumbers.filterValuesOfList("FR Doc. 2018-13248; 83 FR 28710-28756; Docket USTR-2018-0018")
        .containsAll(List.of("2018-13248", "frdoc.2018-13248", "83fr28710-28756")));
  }
}
