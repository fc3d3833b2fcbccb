import CaiTienContent
import CaiTienModel
import TestSupport

/// A fixture holding `standardSite` (units `tthcc` and `van-phong`) and the files written inline.
func ward(_ files: String, bytes: [String: [UInt8]] = [:], symlinks: Set<String> = []) -> Fixture {
    Fixture(standardSite + "\n" + files, bytes: bytes, symlinks: symlinks)
}

/// Lines 1–8 of a valid nonconformity of the Trung tâm Phục vụ hành chính công, opened on
/// 04/03/2025; whatever follows starts on line 9.
let ncHeader = """
---
title: Trả kết quả đăng ký khai sinh trễ hạn tại Bộ phận Một cửa
kind: nonconformity
source: internal_audit
unit: tthcc
category: trả kết quả trễ hạn
opened: 2025-03-04
reported_by: Lê Văn Cường
"""

/// A request file: `ncHeader`, then `rest` from line 9 (its keys, the closing `---`, a body).
func ticket(_ path: String, _ rest: String = "---") -> String {
    "-- \(path) --\n\(ncHeader)\n\(rest)\n"
}

/// The eleven inputs of 5.8.1.1, indented under `inputs:` (11 lines).
let allInputs = """
  previous_actions: 04/06 hành động của kỳ xem xét trước đã hoàn thành.
  context_changes: Vận hành chính quyền địa phương 02 cấp từ 01/7/2025.
  customer_feedback: 21 phản ánh, kiến nghị; 100% đã được trả lời.
  objectives: 13/20 mục tiêu chất lượng năm 2025 đạt.
  nonconformities: 12 phiếu BM.CTCL.01, đã đóng 07 phiếu.
  satisfaction_measurement: Mức độ hài lòng của người dân đạt 96,4%.
  audit_results: Đánh giá nội bộ tháng 11/2025 phát hiện 05 điểm không phù hợp.
  provider_performance: Bưu điện phường trả kết quả qua dịch vụ bưu chính đúng hẹn 99%.
  resources: Thiếu 01 máy quét tài liệu tại Bộ phận Một cửa.
  risk_actions: 03/04 hành động xử lý rủi ro đã thực hiện.
  improvement_opportunities: Số hóa sổ hộ tịch lưu trữ giai đoạn 2016–2020.
"""

/// A valid management review held as a meeting: front-matter on lines 1–21 (inputs on 10–20), body on 22.
func meeting(_ path: String, date: String = "2025-12-15") -> String {
    """
    -- \(path) --
    ---
    date: \(date)
    format: meeting
    chair: Nguyễn Thị Hồng Hải
    secretary: Ngô Thanh Hùng
    attendees:
      - Nguyễn Thị Hồng Hải, Chủ tịch UBND phường, Trưởng Ban ISO
      - Võ Thị Kim Oanh, Phó Giám đốc Trung tâm Phục vụ hành chính công
    inputs:
    \(allInputs)
    ---
    Biên bản họp xem xét của lãnh đạo năm 2025.

    """
}

extension Fixture {
    /// The one request parsed from the fixture (nil if it did not parse).
    func request(_ id: String, today: String = "2025-06-01") -> Request? {
        check(today: today).content.requests.first { $0.id == id }
    }
}
