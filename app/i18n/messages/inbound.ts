/** Calendar replies and bounces: the attendee list's notes and the Mailbox page's settings card. */
export const vi = {
  "attendees.status.bounced": "Email bị trả lại",
  "inbound.bounced.detail": "Lúc {time}: {reason}. Không gửi thêm thư tới địa chỉ này cho tới khi sửa.",
  "inbound.bounced.noReason": "không rõ lý do",
  "inbound.mail.answer": "Qua email ({client}): {answer}, lúc {time}",
  "inbound.mail.guests": "Báo có {count} người đi cùng",
  "inbound.mail.comment": "Lời nhắn: “{comment}”",
  "inbound.mail.notCounted.stale_sequence": "không tính: trả lời cho phiên bản cũ của sự kiện",
  "inbound.mail.notCounted.older_dtstamp": "không tính: cũ hơn một trả lời khác qua email",
  "inbound.mail.notCounted.superseded": "không tính: trước câu trả lời trên trang",
  "inbound.mail.notCounted.delegated": "chuyển cho phần ủy quyền",
  "inbound.client.outlook": "Outlook",
  "inbound.client.google": "Google Lịch",
  "inbound.client.apple": "Lịch Apple",
  "inbound.client.other": "ứng dụng lịch",
  "inbound.partstat.ACCEPTED": "nhận lời",
  "inbound.partstat.DECLINED": "từ chối",
  "inbound.partstat.TENTATIVE": "chưa chắc chắn",
  "inbound.partstat.DELEGATED": "ủy quyền cho {to}",
  "inbound.conflict":
    "Hai câu trả lời khác nhau: trên trang “{web}” lúc {webTime}, qua email “{email}” lúc {emailTime}. Tính câu trả lời sau ({counts}).",
  "inbound.source.web": "trên trang",
  "inbound.source.email": "qua email",
  "inbound.settings.title": "Trả lời từ ứng dụng lịch",
  "inbound.settings.on":
    "Đang bật. Thư mời và tệp lịch ghi người tổ chức là địa chỉ riêng của từng thư mời, rsvp+…@{domain}; câu trả lời “Nhận lời / Từ chối” trong Outlook, Gmail hay Lịch Apple được nhận qua {channels}.",
  "inbound.settings.channel.smtp": "máy chủ nhận thư ở cổng {port}",
  "inbound.settings.channel.smtpTls": "máy chủ nhận thư ở cổng {port} (có STARTTLS)",
  "inbound.settings.channel.imap": "thư mục “{folder}” của hộp thư IMAP (kiểm tra mỗi {seconds} giây)",
  "inbound.settings.and": " và ",
  "inbound.settings.noChannel":
    "INBOUND_DOMAIN đã đặt ({domain}) nhưng chưa có kênh nhận nào: câu trả lời gửi tới rsvp+…@{domain} không được đọc. Đặt INBOUND_SMTP_PORT (và trỏ bản ghi MX của {domain} tới máy chủ này, cổng 25 chuyển tới cổng đó) hoặc INBOUND_IMAP_URL.",
  "inbound.settings.off":
    "Đang tắt. Khi khách mời bấm “Nhận lời” trong Outlook hay Gmail, câu trả lời đi tới {from} và Signet không biết. Để nhận các câu trả lời đó cần: INBOUND_DOMAIN — tên miền cho các địa chỉ trả lời rsvp+…@; và một kênh nhận: INBOUND_SMTP_PORT, với bản ghi MX của tên miền đó trỏ tới máy chủ này (cổng 25 chuyển tới cổng đó), hoặc INBOUND_IMAP_URL — một thư mục của hộp thư nhận thư gửi tới tên miền đó.",
  "inbound.settings.bounces":
    "Thư báo không gửi được (DSN) về cùng địa chỉ đánh dấu khách mời “Email bị trả lại” kèm lý do; không gửi thêm thư tới địa chỉ đó cho tới khi sửa.",
  "audit.action.invitation.bounce": "Email thư mời bị trả lại",
};

export const en: Record<keyof typeof vi, string> = {
  "attendees.status.bounced": "Email bounced",
  "inbound.bounced.detail": "At {time}: {reason}. No more mail goes to this address until it is corrected.",
  "inbound.bounced.noReason": "no reason given",
  "inbound.mail.answer": "By email ({client}): {answer}, at {time}",
  "inbound.mail.guests": "Says {count} guest(s) will come along",
  "inbound.mail.comment": "Note: “{comment}”",
  "inbound.mail.notCounted.stale_sequence": "not counted: a reply to an earlier version of the event",
  "inbound.mail.notCounted.older_dtstamp": "not counted: older than another emailed reply",
  "inbound.mail.notCounted.superseded": "not counted: earlier than the answer on the page",
  "inbound.mail.notCounted.delegated": "passed on to delegation",
  "inbound.client.outlook": "Outlook",
  "inbound.client.google": "Google Calendar",
  "inbound.client.apple": "Apple Calendar",
  "inbound.client.other": "a calendar app",
  "inbound.partstat.ACCEPTED": "accepted",
  "inbound.partstat.DECLINED": "declined",
  "inbound.partstat.TENTATIVE": "tentative",
  "inbound.partstat.DELEGATED": "delegated to {to}",
  "inbound.conflict":
    "Two different answers: “{web}” on the page at {webTime}, “{email}” by email at {emailTime}. The later one counts ({counts}).",
  "inbound.source.web": "on the page",
  "inbound.source.email": "by email",
  "inbound.settings.title": "Replies from calendar apps",
  "inbound.settings.on":
    "On. Invitations and their calendar files name each invitation's own address, rsvp+…@{domain}, as the organizer; “Accept / Decline” in Outlook, Gmail or Apple Calendar is taken by {channels}.",
  "inbound.settings.channel.smtp": "the mail listener on port {port}",
  "inbound.settings.channel.smtpTls": "the mail listener on port {port} (with STARTTLS)",
  "inbound.settings.channel.imap": "the IMAP folder “{folder}” (checked every {seconds} seconds)",
  "inbound.settings.and": " and ",
  "inbound.settings.noChannel":
    "INBOUND_DOMAIN is set ({domain}) but nothing receives: replies sent to rsvp+…@{domain} are not read. Set INBOUND_SMTP_PORT (and point the MX record of {domain} at this server, port 25 forwarded to that port) or INBOUND_IMAP_URL.",
  "inbound.settings.off":
    "Off. When an invitee presses “Accept” in Outlook or Gmail, the reply goes to {from} and Signet never learns it. To take those replies Signet needs INBOUND_DOMAIN — the domain of the reply addresses rsvp+…@ — and a way in: INBOUND_SMTP_PORT, with the MX record of that domain pointing at this server (port 25 forwarded to that port), or INBOUND_IMAP_URL — a folder of a mailbox that receives that domain's mail.",
  "inbound.settings.bounces":
    "Delivery status notifications (bounces) to the same addresses mark the invitee “Email bounced” with the reason; no more mail goes to that address until it is corrected.",
  "audit.action.invitation.bounce": "Invitation email bounced",
};
