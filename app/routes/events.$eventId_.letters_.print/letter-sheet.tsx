import type { LetterParts } from "~/domain/letter/invitation-letter";

/** One Giấy mời on its sheet of A4 (the parts from app/domain/letter/invitation-letter.ts). */
export function LetterSheet({ letter }: { letter: LetterParts }) {
  return (
    <>
      <LetterPage letter={letter} />
      {letter.attachedList ? (
        <article className="paper letter attached-list" data-testid="letter-attached-list" lang={letter.locale}>
          <h2 className="letter-title">{letter.attachedList.title}</h2>
          <p className="addressee">
            <em>{letter.attachedList.reference}</em>
          </p>
          <ol>
            {letter.attachedList.people.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ol>
        </article>
      ) : null}
    </>
  );
}

function LetterPage({ letter }: { letter: LetterParts }) {
  const lh = letter.letterhead;
  return (
    <article className="paper letter" data-testid="letter-sheet" lang={letter.locale}>
      <header className="letterhead">
        <div className="lh-block">
          {lh.superior ? <p className="lh-superior">{lh.superior}</p> : null}
          <p className="lh-issuer">{lh.issuer}</p>
          {lh.star ? <p className="star">*</p> : <span className="rule short" aria-hidden="true" />}
          <p className="lh-number">{letter.number}</p>
        </div>
        <div className="lh-block">
          <p className="lh-national">{lh.national}</p>
          {lh.motto ? <p className="lh-motto">{lh.motto}</p> : null}
          <span className={lh.motto ? "rule motto" : "rule short"} aria-hidden="true" />
          <p className="lh-date">{letter.placeDate}</p>
        </div>
      </header>
      <h1 className="letter-title">{letter.title}</h1>
      <p className="addressee">{letter.addressee}</p>
      <div className="body">
        <p>{letter.opening}</p>
        <ul>
          {letter.details.map((d) => (
            <li key={d.label}>
              - {d.label}: {d.text}
            </li>
          ))}
          {letter.programmeLabel ? <li>- {letter.programmeLabel}:</li> : null}
        </ul>
        {letter.programme.length ? (
          <ul className="programme">
            {letter.programme.map((p, i) => (
              <li key={i}>+ {p.time ? `${p.time}: ` : ""}{p.title}</li>
            ))}
          </ul>
        ) : null}
        <p>{letter.closing}</p>
      </div>
      <footer className="foot">
        <div className="recipients">
          <p className="label">{letter.recipientsLabel}</p>
          {letter.recipients.map((r) => (
            <p key={r}>{r}</p>
          ))}
        </div>
        <div className="signer">
          {letter.signer.lines.map((l) => (
            <p key={l}>{l}</p>
          ))}
          <div className="space" />
          <p>{letter.signer.name}</p>
        </div>
      </footer>
    </article>
  );
}
