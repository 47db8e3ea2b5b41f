"""Attachments' files: by SHA-256, uploaded separately and resumably, never twice; fetched by the other PCs."""

from __future__ import annotations

import datetime as dt
import hashlib

import httpx
import pytest

from mpp_desk.officetime import office_tz
from mpp_desk.sync import client
from tests.intake_support import real_png
from tests.server.conftest import desk_json, enroll
from tests.server.test_sync_two_pcs import officer


class Counting(httpx.HTTPTransport):
    """Counts the bytes of every chunk sent; after *cut_after* chunks the network goes away."""

    def __init__(self, cut_after: int | None = None) -> None:
        super().__init__()
        self.chunks: list[int] = []
        self.cut_after = cut_after

    def handle_request(self, request):
        if request.method == "PUT" and "/v1/blobs/" in request.url.path:
            if self.cut_after is not None and len(self.chunks) >= self.cut_after:
                raise httpx.ConnectError("cable pulled", request=request)
            self.chunks.append(len(request.read()))
        return super().handle_request(request)


def capture_with(ctx, actor, *files):
    from mpp_desk.complaints import service
    from mpp_desk.complaints.rules import CaptureDraft

    draft = CaptureDraft(channel="in_person", received_at=dt.datetime(2026, 11, 16, 10, 0, tzinfo=office_tz()),
                         reporter_name="Siti Aminah", reporter_phone="0812 3456 7890",
                         substance="Foto antrean yang menumpuk di depan loket perizinan terlampir.")
    with ctx.uow(actor=actor) as uow:
        detail = service.save_case(uow, draft=draft, today=dt.date(2026, 11, 16), attachments=files,
                                   data_dir=ctx.data_dir)
        uow.commit()
    return detail


def test_an_attachment_reaches_the_other_pc_after_a_cut_upload_resumes_and_is_never_sent_twice(
        server, server_db, make_pc, tmp_path, monkeypatch):
    monkeypatch.setattr(client, "BLOB_CHUNK", 100)  # several chunks for a small picture
    pc1, pc2 = make_pc("desk-1"), make_pc("desk-2")
    desk_json(pc1, "sync", "join", server, enroll(server_db, "pengaduan-1", "complaints"))
    desk_json(pc2, "sync", "join", server, enroll(server_db, "pengaduan-2", "complaints"))
    photo = real_png(tmp_path / "antrean.png", size=(120, 120))
    case = capture_with(pc1, officer(pc1, "budi"), photo)
    (attachment,) = case.attachments
    size = (pc1.data_dir / attachment.path).stat().st_size
    assert size > 300  # at least four chunks

    cut = Counting(cut_after=2)
    with pytest.raises(client.SyncProblem):
        client.sync_now(pc1.db, pc1.data_dir, transport=cut)
    joined = client.load_joined(pc1.data_dir)
    with client.ServerApi(joined.url, joined.credential) as api:
        held = api.blob_status(attachment.sha256)
    assert held == {"sha256": attachment.sha256, "size": size, "received": 200, "complete": False}

    resumed = Counting()
    client.sync_now(pc1.db, pc1.data_dir, transport=resumed)
    assert sum(cut.chunks) + sum(resumed.chunks) == size  # from where it stopped: nothing sent twice
    again = Counting()
    client.sync_now(pc1.db, pc1.data_dir, transport=again)
    assert again.chunks == []

    client.sync_now(pc2.db, pc2.data_dir)
    copy = pc2.data_dir / attachment.path
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == attachment.sha256
    assert copy.read_bytes() == (pc1.data_dir / attachment.path).read_bytes()
    third = Counting()
    client.sync_now(pc2.db, pc2.data_dir, transport=third)
    assert third.chunks == []  # a fetched file is not sent back


def test_the_same_file_on_another_pc_is_not_uploaded_again(server, server_db, make_pc, tmp_path):
    pc1, pc2 = make_pc("desk-1"), make_pc("desk-2")
    desk_json(pc1, "sync", "join", server, enroll(server_db, "pengaduan-1", "complaints"))
    desk_json(pc2, "sync", "join", server, enroll(server_db, "pengaduan-2", "complaints"))
    photo = real_png(tmp_path / "sama.png", size=(40, 40))
    capture_with(pc1, officer(pc1, "budi"), photo)
    client.sync_now(pc1.db, pc1.data_dir)
    capture_with(pc2, officer(pc2, "sari"), photo)  # the same picture, brought to the other desk
    watch = Counting()
    client.sync_now(pc2.db, pc2.data_dir, transport=watch)
    assert watch.chunks == []


def test_a_chunk_at_the_wrong_offset_or_a_wrong_content_is_refused(server, server_db, make_pc):
    pc = make_pc("desk")
    desk_json(pc, "sync", "join", server, enroll(server_db, "pengaduan-1", "complaints"))
    joined = client.load_joined(pc.data_dir)
    data = b"%PDF-1.4 not really" * 10
    sha = hashlib.sha256(data).hexdigest()
    headers = {"Authorization": f"Bearer {joined.credential}", "X-MPP-Protocol": "1"}
    with httpx.Client(base_url=joined.url, headers=headers) as http:
        late = http.put(f"/v1/blobs/{sha}", params={"size": len(data), "offset": 50}, content=data[50:])
        assert late.status_code == 409 and late.json()["received"] == 0
        wrong = http.put(f"/v1/blobs/{sha}", params={"size": len(data), "offset": 0}, content=data[::-1])
        assert wrong.status_code == 422 and "SHA-256" in wrong.json()["detail"]
        assert http.get(f"/v1/blobs/{sha}").json()["received"] == 0  # discarded, to be sent again
        assert http.get(f"/v1/blobs/{sha}/content").status_code == 404
        assert http.put("/v1/blobs/not-a-sha", params={"size": 1}, content=b"x").status_code == 422
    kiosk = make_pc("kiosk")
    desk_json(kiosk, "sync", "join", joined.url, enroll(server_db, "kiosk-1", "kiosk"))
    k = client.load_joined(kiosk.data_dir)
    with httpx.Client(base_url=k.url, headers={**headers, "Authorization": f"Bearer {k.credential}"}) as http:
        assert http.put(f"/v1/blobs/{sha}", params={"size": len(data)}, content=data).status_code == 403


def test_an_evaluation_and_its_document_reach_the_administrator_and_lampiran_iv_reaches_the_supervisor(
        server, server_db, make_pc, tmp_path):
    from mpp_desk.catalog import evaluations, procedures
    from mpp_desk.roles import TERMINAL, Role

    head, admin_pc = make_pc("kepala-1"), make_pc("admin-1")
    desk_json(head, "sync", "join", server, enroll(server_db, "kepala-1", "supervisor"))
    desk_json(admin_pc, "sync", "join", server, enroll(server_db, "admin-1", "admin"))
    with admin_pc.uow(actor=TERMINAL) as uow:
        procedures.save_classifications(uow, items=procedures.parse_text("Klasifikasi 3: Rendah\n1. Permohonan\n"))
        uow.commit()
    minutes = real_png(tmp_path / "berita-acara.png", size=(60, 60))
    with head.uow(actor=officer(head, "ratna", Role.SUPERVISOR)) as uow:
        view = evaluations.record_evaluation(uow, annex_number=67, evaluated_on=dt.date(2025, 1, 6),
                                             evaluator="Tim Evaluasi SOP", document=minutes, data_dir=head.data_dir)
        uow.commit()
    client.sync_now(admin_pc.db, admin_pc.data_dir)
    client.sync_now(head.db, head.data_dir)
    client.sync_now(admin_pc.db, admin_pc.data_dir)
    with admin_pc.uow(write=False) as uow:
        (copy,) = evaluations.list_evaluations(uow, year=2025)
    assert (copy.annex_number, copy.evaluator, copy.document_path) == (67, "Tim Evaluasi SOP", view.document_path)
    assert (admin_pc.data_dir / copy.document_path).read_bytes() == minutes.read_bytes()
    with head.uow(write=False) as uow:
        assert [c.number for c in procedures.list_classifications(uow)] == [3]
